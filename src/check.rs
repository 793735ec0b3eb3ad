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
    at.keep_only_reported(&mut findings);
    if findings.is_empty() {
        return Vec::new();
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
    /// The files whose findings are reported; all when `None`.
    only: Option<&'a BTreeSet<PathBuf>>,
    /// Only errors are reported: the commands that compute from the
    /// registers refuse on errors and leave warnings to `riskreg validate`,
    /// so a warning is not worth locating in its file (a scan of the file).
    errors_only: bool,
}

impl Checking<'_> {
    fn wanted(&self, p: &Path) -> bool {
        self.only.is_none_or(|set| set.contains(p))
    }

    fn keep_only_reported(&self, findings: &mut Vec<Finding>) {
        if self.errors_only {
            findings.retain(|f| f.severity == Severity::Error);
        }
    }
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
    check_keeping(root, only, today, progress, None).report
}

/// A fiscal year's files read once: checked, and kept for the commands that
/// compute from them (`summary`, `report`, `roll`, `export`), so that they
/// need not read them again. Its report holds the errors only: those
/// commands refuse on errors, and warnings are `riskreg validate`'s to show.
#[derive(Debug)]
pub struct CheckedYear {
    pub report: Report,
    /// The shared files; `None` when they do not load (the report says why).
    pub catalog: Option<Catalog>,
    /// The year's registers that parse, in file name order.
    pub registers: Vec<Loaded<Register>>,
}

/// Reads and checks what the figures of fiscal year `year` are made from:
/// the shared files (bureaus, approach groups, methodologies) and that
/// year's registers, each file once. Commands that compute or write from
/// registers refuse when the report has errors.
pub fn load_year(root: &Path, year: u16, progress: &dyn Progress) -> CheckedYear {
    load_year_for(root, year, &year_scope(root, year), progress)
}

/// [`load_year`], reporting findings only of the files in `only` (an
/// export of one bureau's register); rules across registers still see the
/// whole year, and every register of the year is kept.
pub fn load_year_for(
    root: &Path,
    year: u16,
    only: &BTreeSet<PathBuf>,
    progress: &dyn Progress,
) -> CheckedYear {
    check_keeping(root, Some(only), None, progress, Some(year))
}

/// The checks of [`check_root_with`]; with `keep`, only that year's
/// registers are read, and they are kept with the catalog.
fn check_keeping(
    root: &Path,
    only: Option<&BTreeSet<PathBuf>>,
    today: Option<crate::model::Date>,
    progress: &dyn Progress,
    keep: Option<u16>,
) -> CheckedYear {
    let mut report = Report::default();
    let wanted = |p: &Path| only.is_none_or(|set| set.contains(p));
    let Some(catalog) = catalog_or_findings(root, &mut report) else {
        report.files = 1;
        return CheckedYear {
            report,
            catalog: None,
            registers: Vec::new(),
        };
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
        only,
        errors_only: keep.is_some(),
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
    let mut registers = Vec::new();
    for (year, dir) in years {
        if keep.is_some_and(|k| k != year) {
            continue;
        }
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
        registers.extend(check_year_files(
            &checking,
            &files,
            keep.is_some(),
            progress,
            &mut report,
            &mut findings,
        ));
    }
    checking.keep_only_reported(&mut findings);
    report.diagnostics.extend(place(findings));
    report
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    if let Some(set) = only {
        report.files = set.len();
    }
    CheckedYear {
        report,
        catalog: Some(catalog),
        registers,
    }
}

/// Reads, parses and checks one year's register `files`, each on the core
/// that read it, its findings placed while its text is in hand; only the
/// rules across registers wait for all. Unless `keep`, only the ids of each
/// register are kept (for those rules), so memory does not grow with the
/// registers' content; with `keep` the registers are returned.
fn check_year_files(
    at: &Checking<'_>,
    files: &[PathBuf],
    keep: bool,
    progress: &dyn Progress,
    report: &mut Report,
    findings: &mut Vec<Finding>,
) -> Vec<Loaded<Register>> {
    progress.start("checking registers", files.len());
    let results = store::load_many_then(files, store::REGISTER, progress, |r, text| {
        let r: Result<Loaded<Register>, LoadError> = r;
        match r {
            Ok(reg) => {
                let placed = if at.wanted(&reg.path) {
                    check_one(at, &reg, text)
                } else {
                    Vec::new()
                };
                let keys = (reg.path.clone(), YearKeys::of(&reg.value));
                (Ok((keys, keep.then_some(reg))), placed)
            }
            Err(e) => (Err(e), Vec::new()),
        }
    });
    progress.finish();
    let mut keys: Vec<(PathBuf, YearKeys)> = Vec::with_capacity(results.len());
    let mut kept = Vec::new();
    for (r, placed) in results {
        match r {
            Ok((k, reg)) => {
                keys.push(k);
                kept.extend(reg);
            }
            Err(e) if at.wanted(&e.path) => report.diagnostics.push(e.into()),
            Err(_) => {}
        }
        report.diagnostics.extend(placed);
    }
    findings.extend(
        validate::check_year_keys(&keys)
            .into_iter()
            .filter(|f| at.wanted(&f.file)),
    );
    kept
}

/// The shared files of `root`, or their load errors added to `report`.
fn catalog_or_findings(root: &Path, report: &mut Report) -> Option<Catalog> {
    match Catalog::load(root) {
        Ok(c) => Some(c),
        Err(errors) => {
            report
                .diagnostics
                .extend(errors.into_iter().map(Diagnostic::from));
            None
        }
    }
}

/// What `validate` would say of `reg` were it saved at `path` (a register
/// file under `root`) as `text`: its own rules, the calendar's on `today`,
/// its approval, and the rules across its year with the other registers as
/// they are on disk (the file at `path` itself is left out). For a register
/// not written yet, so that one that fails is never written (`import`).
pub fn check_unsaved(
    root: &Path,
    path: &Path,
    reg: &Register,
    text: &str,
    today: Option<crate::model::Date>,
) -> Report {
    let mut report = Report::default();
    let Some(catalog) = catalog_or_findings(root, &mut report) else {
        return report;
    };
    let methods = catalog.method_values();
    let ctx = Context::new(&catalog.bureaus.value, &catalog.approaches.value, &methods);
    let people = crate::audit::access::load_people(root).ok().flatten();
    let checking = Checking {
        root,
        ctx: &ctx,
        people: people.as_ref(),
        today,
        only: None,
        errors_only: false,
    };
    let loaded = Loaded {
        path: path.to_path_buf(),
        value: reg.clone(),
        fingerprint: store::Fingerprint::of(text.as_bytes()),
    };
    report
        .diagnostics
        .extend(check_one(&checking, &loaded, text.as_bytes()));
    // the new register last, so that an id it shares with another register
    // is reported in it, where the import can say so
    let mut keys: Vec<(PathBuf, YearKeys)> = match store::load_year(root, reg.year.be()) {
        Ok((others, _)) => others
            .into_iter()
            .filter(|o| o.path != path)
            .map(|o| (o.path, YearKeys::of(&o.value)))
            .collect(),
        Err(_) => Vec::new(),
    };
    keys.push((path.to_path_buf(), YearKeys::of(reg)));
    let across: Vec<Finding> = validate::check_year_keys(&keys)
        .into_iter()
        .filter(|f| f.file == path)
        .collect();
    report.diagnostics.extend(place_in(text, across));
    report.diagnostics.sort_by_key(|d| (d.line, d.col));
    report.files = 1;
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

/// The files whose findings block the figures of fiscal year `year`: the
/// shared files (bureaus, approach groups, methodologies) and that year's
/// registers.
fn year_scope(root: &Path, year: u16) -> BTreeSet<PathBuf> {
    let mut only: BTreeSet<PathBuf> = [layout::BUREAUS_FILE, layout::APPROACHES_FILE]
        .iter()
        .map(|f| root.join(f))
        .collect();
    // a methodology/ that cannot be listed is reported by the catalog's
    // load; a year without registers by the command, which knows what it
    // needed them for
    for dir in [
        root.join(layout::METHODOLOGY_DIR),
        layout::year_dir(root, year),
    ] {
        only.extend(layout::ron_files(&dir).unwrap_or_default());
    }
    only
}
