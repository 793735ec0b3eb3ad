//! `riskreg log`: the history of a register, a risk or a measure, commit by
//! commit, with the semantic changes each made.

use super::diff::{Format, base_dir};
use super::out::Out;
use riskreg::audit::git::{Commit, Repo};
use riskreg::audit::{AuditError, LogEntry, LogTarget, history, render, revision_pathspecs};
use riskreg::model::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Only these register files or directories
    #[arg(value_name = "FILE", conflicts_with_all = ["risk", "measure"])]
    pub files: Vec<PathBuf>,
    /// Follow one risk by id
    #[arg(long, value_name = "ID", conflicts_with = "measure")]
    pub risk: Option<String>,
    /// Follow one measure by id
    #[arg(long, value_name = "ID")]
    pub measure: Option<String>,
    /// Output as plain text, Markdown (audit memos) or JSON
    #[arg(long, value_enum, default_value_t = super::diff::Format::Text)]
    pub format: super::diff::Format,
    /// Run as if started in DIR
    #[arg(short = 'C', value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(opts: &Options) -> ExitCode {
    match entries(opts) {
        Ok((repo, entries)) => {
            let mut out = Out::default();
            match opts.format {
                Format::Json => out.line(render::json(&entries)),
                _ if entries.is_empty() => out.line(super::out::say(
                    "ไม่มี commit ใดเปลี่ยนสิ่งนี้",
                    "no commits changed it",
                )),
                Format::Text => out.line(text(&entries, super::lang::current()).trim_end()),
                Format::Markdown => out.line(markdown(&entries, super::lang::current()).trim_end()),
            }
            if opts.format != Format::Json {
                seals(&mut out, &repo, &entries);
            }
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            super::out::error(super::verify::audit_text(&e));
            ExitCode::from(2)
        }
    }
}

/// What the signature of each approval recorded in these commits says,
/// judged as `riskreg verify` judges it (people.ron and allowed_signers of
/// the commit before).
fn seals(out: &mut Out, repo: &Repo, entries: &[LogEntry]) {
    let approvals = entries.iter().filter(|e| {
        e.changes
            .iter()
            .any(|c| matches!(c.kind, riskreg::audit::ChangeKind::Approved { .. }))
    });
    let mut first = true;
    for e in approvals {
        let Ok(verdict) = riskreg::audit::verify::check_commit(repo, &e.commit, None) else {
            continue;
        };
        for line in &verdict.judgement.approvals {
            if first {
                out.line(super::out::say("\nการอนุมัติ:", "\napprovals:"));
                first = false;
            }
            let id = &e.commit.id[..e.commit.id.len().min(10)];
            out.line(format!("    {id} {}", super::lang::said(line)));
        }
    }
}

fn entries(opts: &Options) -> Result<(Repo, Vec<LogEntry>), AuditError> {
    let cwd = base_dir(opts.dir.as_deref())?;
    let repo = Repo::discover(&cwd)?;
    let target = match (&opts.risk, &opts.measure) {
        (Some(r), _) => LogTarget::Risk(r.clone()),
        (None, Some(m)) => LogTarget::Measure(m.clone()),
        (None, None) if opts.files.is_empty() => {
            LogTarget::Files(vec![riskreg::audit::REGISTER_FILES.to_string()])
        }
        (None, None) => LogTarget::Files(revision_pathspecs(&repo, &cwd, &opts.files)?),
    };
    let entries = history(&repo, &target)?;
    Ok((repo, entries))
}

fn date(c: &Commit, lang: Lang) -> String {
    riskreg::audit::history::commit_date(c, lang)
}

/// Newest first: `<commit> <date> <author>: <subject>`, then the changes.
pub fn text(entries: &[LogEntry], lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for e in entries {
        let c = &e.commit;
        let _ = writeln!(
            out,
            "{} {} {} <{}>: {}",
            &c.id[..c.id.len().min(10)],
            date(c, lang),
            c.author,
            c.email,
            c.subject
        );
        if e.changes.is_empty() {
            let _ = writeln!(
                out,
                "    {}",
                lang.pick("(ไม่มีการเปลี่ยนแปลงเนื้อหา)", "(no change to content)")
            );
        }
        for ch in &e.changes {
            let _ = writeln!(out, "    {}: {}", ch.file, render::line(ch, lang));
        }
    }
    out
}

/// Newest first, a section per commit, the changes grouped by file: for an
/// audit memo.
pub fn markdown(entries: &[LogEntry], lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for e in entries {
        let c = &e.commit;
        let _ = writeln!(
            out,
            "### {} {} {}\n\n{}\n",
            render::code(&c.id[..c.id.len().min(10)]),
            date(c, lang),
            render::md_escape(&c.author),
            render::md_escape(&c.subject)
        );
        if e.changes.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                lang.pick("(ไม่มีการเปลี่ยนแปลงเนื้อหา)", "(no change to content)")
            );
        }
        let mut start = 0;
        while start < e.changes.len() {
            let file = &e.changes[start].file;
            let end = e.changes[start..]
                .iter()
                .position(|ch| &ch.file != file)
                .map_or(e.changes.len(), |n| start + n);
            let group: Vec<_> = e.changes[start..end].iter().collect();
            let _ = writeln!(out, "{}\n", render::code(file));
            render::markdown_items(&mut out, &group, lang);
            out.push('\n');
            start = end;
        }
    }
    out
}
