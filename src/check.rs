//! Checking a registers directory: load every file, run the validation
//! rules, and place each finding on its line. The I/O edge around the pure
//! `validate` module, shared by the CLI and the TUI.

use crate::model::Register;
use crate::progress::{Progress, Silent};
use crate::store::{self, Catalog, LoadError, Loaded, SourceMap, layout};
use crate::validate::{self, Context, Finding, Message, Severity, YearKeys};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// A finding placed in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    /// The logical path of the value (`risks[0].inherent.likelihood`); empty
    /// for syntax errors.
    pub path: String,
    pub message: Message,
}

impl Diagnostic {
    /// `file:line:col: severity: message [path]` in `lang` (the place and
    /// the path stay as they are, for editors and grep); with no line,
    /// `file: severity: message`.
    pub fn text(&self, lang: crate::model::Lang) -> String {
        let mut out = if self.line == 0 {
            format!("{}: ", self.file.display())
        } else {
            format!("{}:{}:{}: ", self.file.display(), self.line, self.col)
        };
        out.push_str(self.severity.label(lang));
        out.push_str(": ");
        out.push_str(&self.message.text(lang));
        if !self.path.is_empty() && self.line != 0 {
            out.push_str(&format!(" [{}]", self.path));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.severity,
            self.message
        )?;
        if !self.path.is_empty() {
            write!(f, " [{}]", self.path)?;
        }
        Ok(())
    }
}

impl From<LoadError> for Diagnostic {
    fn from(e: LoadError) -> Self {
        let (line, col) = e.position.unwrap_or((0, 0));
        Diagnostic {
            severity: Severity::Error,
            file: e.path,
            line,
            col,
            path: String::new(),
            message: Message::Load(e.message),
        }
    }
}

/// Places findings on lines, reading each file once.
pub fn place(findings: Vec<Finding>) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<PathBuf, Vec<Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.file.clone()).or_default().push(f);
    }
    let mut out = Vec::new();
    for (file, findings) in by_file {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        // lines and columns as the parser counts them, after a byte-order mark
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        out.extend(place_in(text, findings));
    }
    out
}

/// Places findings of one file on the lines of its text, indexing only the
/// paths they name.
pub fn place_in(text: &str, findings: Vec<Finding>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    // a byte-order mark is read past (store::read_text), so it is no column
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let map = SourceMap::for_paths(text, findings.iter().map(|f| f.path.as_str()));
    findings
        .into_iter()
        .map(|f| {
            let (line, col) = map.locate(&f.path);
            Diagnostic {
                severity: f.severity,
                file: f.file,
                line,
                col,
                path: f.path,
                message: f.message,
            }
        })
        .collect()
}

/// The rules of one register, placed on its lines while its text is at hand.
fn check_one(at: &Checking<'_>, reg: &Loaded<Register>, text: &[u8]) -> Vec<Diagnostic> {
    let ctx = at.ctx;
    let mut findings = validate::check_register(ctx, &reg.path, &reg.value);
    findings.extend(seal_finding(at.root, &reg.path, &reg.value, at.people));
    if let Some(today) = at.today {
        let method = ctx.method(&reg.value.methodology);
        findings.extend(validate::check_cadence(
            today, method, &reg.path, &reg.value,
        ));
    }
    if let Some(message) = crate::audit::approval_warning(&reg.path, &reg.value, ctx.methods) {
        findings.push(Finding {
            severity: Severity::Warning,
            file: reg.path.clone(),
            path: "approved_by.digest".into(),
            message: Message::Composed(message),
        });
    }
    // a register that parsed is UTF-8
    place_in(std::str::from_utf8(text).unwrap_or_default(), findings)
}

/// What each register is checked against.
struct Checking<'a> {
    root: &'a Path,
    ctx: &'a Context<'a>,
    people: Option<&'a crate::model::People>,
    today: Option<crate::model::Date>,
}

/// The outcome of checking: diagnostics in file and line order, and how many
/// files were read.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Checks the whole registers directory `root`, or only `only` (files under
/// it) when given; cross-register rules still see the whole year.
pub fn check_root(root: &Path, only: Option<&BTreeSet<PathBuf>>) -> Report {
    check_root_at(root, only, None)
}

/// [`check_root`], and with `today` also the rules of the calendar: reviews
/// and monitoring reports overdue on that day.
pub fn check_root_at(
    root: &Path,
    only: Option<&BTreeSet<PathBuf>>,
    today: Option<crate::model::Date>,
) -> Report {
    check_root_with(root, only, today, &Silent)
}

/// [`check_root_at`], telling `progress` how many registers are checked.
pub fn check_root_with(
    root: &Path,
    only: Option<&BTreeSet<PathBuf>>,
    today: Option<crate::model::Date>,
    progress: &dyn Progress,
) -> Report {
    let mut report = Report::default();
    let wanted = |p: &Path| only.is_none_or(|set| set.contains(p));
    let catalog = match Catalog::load(root) {
        Ok(c) => c,
        Err(errors) => {
            report
                .diagnostics
                .extend(errors.into_iter().map(Diagnostic::from));
            report.files = 1;
            return report;
        }
    };
    let mut findings = Vec::new();
    let methods: Vec<_> = catalog.method_values();
    let method_refs: Vec<(PathBuf, &crate::method::Methodology)> = catalog
        .methods
        .iter()
        .map(|m| m.path.clone())
        .zip(methods.iter())
        .collect();
    findings.extend(
        validate::check_catalog(
            (&catalog.bureaus.path, &catalog.bureaus.value),
            (&catalog.approaches.path, &catalog.approaches.value),
            &method_refs,
        )
        .into_iter()
        .filter(|f| wanted(&f.file)),
    );
    report.files += 2 + catalog.methods.len();
    let people = check_people_files(root, &catalog, &wanted, &mut report, &mut findings);
    let ctx = Context::new(&catalog.bureaus.value, &catalog.approaches.value, &methods);
    let checking = Checking {
        root,
        ctx: &ctx,
        people: people.as_ref(),
        today,
    };
    let years = match layout::year_dirs(root) {
        Ok(y) => y,
        Err(e) => {
            report.diagnostics.push(
                LoadError::whole(
                    root,
                    store::LoadMessage::CannotList {
                        what: store::Listing::FiscalYears,
                        error: e.to_string(),
                    },
                )
                .into(),
            );
            Vec::new()
        }
    };
    for (year, dir) in years {
        if let Some(set) = only
            && !set.iter().any(|p| p.starts_with(&dir))
        {
            continue;
        }
        let files = match store::year_files(root, year) {
            Ok(files) => files,
            Err(e) => {
                report.files += 1;
                if wanted(&e.path) {
                    report.diagnostics.push(e.into());
                }
                continue;
            }
        };
        report.files += files.len();
        progress.start("checking registers", files.len());
        // each file is parsed, checked and its findings placed on the core
        // that read it; only the rules across registers wait for all
        // of each register only its ids are kept for the rules across the
        // year, so memory does not grow with the registers' content
        let results = store::load_many_then(&files, store::REGISTER, progress, |r, text| {
            let r: Result<Loaded<Register>, LoadError> = r;
            match r {
                Ok(reg) => {
                    let placed = if wanted(&reg.path) {
                        check_one(&checking, &reg, text)
                    } else {
                        Vec::new()
                    };
                    (Ok((reg.path, YearKeys::of(&reg.value))), placed)
                }
                Err(e) => (Err(e), Vec::new()),
            }
        });
        progress.finish();
        let mut keys: Vec<(PathBuf, YearKeys)> = Vec::with_capacity(results.len());
        for (r, placed) in results {
            match r {
                Ok(k) => keys.push(k),
                Err(e) if wanted(&e.path) => report.diagnostics.push(e.into()),
                Err(_) => {}
            }
            report.diagnostics.extend(placed);
        }
        findings.extend(
            validate::check_year_keys(&keys)
                .into_iter()
                .filter(|f| wanted(&f.file)),
        );
    }
    report.diagnostics.extend(place(findings));
    report
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    if let Some(set) = only {
        report.files = set.len();
    }
    report
}

/// Loads and checks `people.ron` and `allowed_signers` when the root has
/// them; the people, when they parse.
fn check_people_files(
    root: &Path,
    catalog: &Catalog,
    wanted: &dyn Fn(&Path) -> bool,
    report: &mut Report,
    findings: &mut Vec<Finding>,
) -> Option<crate::model::People> {
    use crate::model::people::{ALLOWED_SIGNERS_FILE, PEOPLE_FILE};
    let path = root.join(PEOPLE_FILE);
    let people = match crate::audit::access::load_people(root) {
        Ok(p) => p,
        Err(e) => {
            if wanted(&path) {
                report.diagnostics.push(e.into());
            }
            None
        }
    };
    if path.exists() {
        report.files += 1;
    }
    if let Some(p) = &people
        && wanted(&path)
    {
        findings.extend(validate::check_people(&path, p, &catalog.bureaus.value));
    }
    let signers = root.join(ALLOWED_SIGNERS_FILE);
    if let Ok(text) = std::fs::read_to_string(&signers) {
        report.files += 1;
        if wanted(&signers) {
            for p in validate::check_signers(&text, people.as_ref()) {
                report.diagnostics.push(Diagnostic {
                    severity: p.severity,
                    file: signers.clone(),
                    line: p.line,
                    col: p.col,
                    path: String::new(),
                    message: p.message,
                });
            }
        }
    }
    people
}

/// What `validate` says of an approval's signature: forged is an error;
/// unsigned a warning once roles are in force (a people file), else
/// nothing, as before signing existed; signed a note.
fn seal_finding(
    root: &Path,
    file: &Path,
    reg: &Register,
    people: Option<&crate::model::People>,
) -> Option<Finding> {
    use crate::audit::access::{self, Seal};
    let approval = reg.approved_by.as_ref()?;
    let signers = access::allowed_signers(root);
    let seal = access::seal(reg, approval, people, signers.as_deref());
    let severity = match &seal {
        Seal::Forged(_) => Severity::Error,
        Seal::Unsigned if people.is_none() => return None,
        Seal::Unsigned | Seal::Unchecked(_) => Severity::Warning,
        Seal::Signed { .. } => Severity::Note,
    };
    Some(Finding {
        severity,
        file: file.to_path_buf(),
        path: "approved_by".into(),
        message: Message::Composed(crate::model::Label::new(
            format!(
                "การอนุมัติโดย {}: {}",
                approval.name,
                seal.describe_in(crate::model::Lang::Th)
            ),
            format!("approval by {}: {}", approval.name, seal.describe()),
        )),
    })
}

/// Checks what the figures of fiscal year `year` are made from: the shared
/// files (bureaus, approach groups, methodologies) and that year's registers.
/// Commands that compute or write from registers (`summary`, `roll`) refuse
/// when this finds errors.
pub fn check_year(root: &Path, year: u16) -> Report {
    let mut only: BTreeSet<PathBuf> = [layout::BUREAUS_FILE, layout::APPROACHES_FILE]
        .iter()
        .map(|f| root.join(f))
        .collect();
    // a methodology/ that cannot be listed is reported by the catalog's
    // load; a year without registers by the command, which knows what it
    // needed them for
    for dir in [
        root.join(layout::METHODOLOGY_DIR),
        root.join(year.to_string()),
    ] {
        only.extend(layout::ron_files(&dir).unwrap_or_default());
    }
    check_root(root, Some(&only))
}
