//! The registers the TUI works on: one fiscal year of a registers directory,
//! with for each file whether it has unsaved edits, changed on disk, or has
//! uncommitted changes in git. I/O lives here and in `effects`; the screens
//! only read this.

use crate::audit::{ApprovalState, approval_state};
use crate::method::Methodology;
use crate::model::{ApproachList, Bureau, Register};
use crate::store::{self, Catalog, LoadError, Loaded, SaveError};
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::{Path, PathBuf};

mod loader;
pub mod part;
pub use loader::{Background, Loading, Piece};
pub use part::{Earlier, Part};

#[derive(Clone, Debug)]
pub struct Entry {
    pub loaded: Loaded<Register>,
    /// The value as last loaded or saved, to tell unsaved edits apart
    /// (`saved()`); kept apart only from the first change on, so that a
    /// year of a thousand registers is not held twice.
    saved: Option<Register>,
    /// Where the value differs from `saved`, kept part by part as edits
    /// come, so telling whether it is unsaved costs the part an edit
    /// touched rather than a comparison of the whole register.
    differs: Differs,
    pub dirty: bool,
    pub changed_on_disk: bool,
    pub uncommitted: bool,
    /// Kept up to date on load and after each change, since it costs a
    /// serialisation and a hash: never computed while drawing.
    pub approval: ApprovalState,
    /// The approval of the saved value, from which an edit's is told
    /// without a hash when it can be (`approval_after_edit`).
    saved_approval: ApprovalState,
    /// The file's size and modification time when its content was last
    /// known (see `refresh_disk`).
    disk_stamp: Option<DiskStamp>,
}

/// Where a register differs from its saved value: its header, its number
/// of risks, and which risks (by index, kept only while the numbers agree:
/// a change of the number is a `Part::Whole` edit, which compares again).
#[derive(Clone, Debug, Default)]
struct Differs {
    header: bool,
    count: bool,
    risks: BTreeSet<usize>,
}

impl Differs {
    fn any(&self) -> bool {
        self.header || self.count || !self.risks.is_empty()
    }
    /// Compares `part` of `now` with `saved` again.
    fn update(&mut self, saved: &Register, now: &Register, part: Part) {
        match part {
            Part::Header => self.header = !part::same_headers(now, saved),
            Part::Risk(i) if !self.count => {
                if now.risks.get(i) == saved.risks.get(i) {
                    self.risks.remove(&i);
                } else {
                    self.risks.insert(i);
                }
            }
            // the numbers differ: unsaved whatever this risk holds
            Part::Risk(_) => {}
            Part::Whole => {
                self.header = !part::same_headers(now, saved);
                self.count = now.risks.len() != saved.risks.len();
                self.risks = if self.count {
                    BTreeSet::new()
                } else {
                    (0..now.risks.len())
                        .filter(|&i| now.risks[i] != saved.risks[i])
                        .collect()
                };
            }
        }
    }
}

/// A file's size and modification time: what tells, without reading it,
/// that a file has not changed.
type DiskStamp = (u64, std::time::SystemTime);

fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl Entry {
    pub fn new(loaded: Loaded<Register>) -> Entry {
        let approval = approval_state(&loaded.value);
        Entry {
            saved: None,
            differs: Differs::default(),
            saved_approval: approval.clone(),
            approval,
            disk_stamp: disk_stamp(&loaded.path),
            loaded,
            dirty: false,
            changed_on_disk: false,
            uncommitted: false,
        }
    }
    /// The value as last loaded or saved.
    pub fn saved(&self) -> &Register {
        self.saved.as_ref().unwrap_or(&self.loaded.value)
    }
    /// Call after `part` of the register changed in memory. The saved
    /// value is kept even when equal again (an undo): the next edit would
    /// only copy it back.
    fn touched(&mut self, part: Part) {
        match &self.saved {
            Some(saved) => self.differs.update(saved, &self.loaded.value, part),
            None => self.differs = Differs::default(),
        }
        self.dirty = self.differs.any();
        self.approval = match self.approval_after_edit() {
            Some(known) => known,
            None => approval_state(&self.loaded.value),
        };
        if self.saved.is_none() {
            self.saved_approval = self.approval.clone();
        }
    }

    /// The approval of the value, told from the saved value's without
    /// serialising and hashing the whole register (at 2 000 risks, tens of
    /// milliseconds an edit) when the approval itself is as saved: the
    /// content as saved has the saved approval; content other than an
    /// approved one has another canonical text, so another digest. `None`
    /// when only the hash can tell (the saved content was not what was
    /// approved, or the approval itself was edited).
    fn approval_after_edit(&self) -> Option<ApprovalState> {
        let (now, saved) = (&self.loaded.value, self.saved.as_ref()?);
        if now.approved_by.is_none() {
            return Some(ApprovalState::NotApproved);
        }
        if now.approved_by != saved.approved_by {
            return None;
        }
        // the approval is as saved: whatever differs is content
        let content_as_saved = !self.differs.any();
        match &self.saved_approval {
            _ if content_as_saved => Some(self.saved_approval.clone()),
            ApprovalState::Approved(approval) => Some(ApprovalState::ChangedSinceApproval {
                approval: approval.clone(),
            }),
            _ => None,
        }
    }
    /// A mark for the approval: ✓ approved, ≠ changed since approval, · none.
    pub fn approval_mark(&self) -> char {
        match self.approval {
            ApprovalState::NotApproved => '·',
            ApprovalState::Approved(_) => '✓',
            ApprovalState::ChangedSinceApproval { .. } => '≠',
        }
    }
    pub fn register(&self) -> &Register {
        &self.loaded.value
    }
    pub fn code(&self) -> &str {
        self.loaded.value.bureau.as_str()
    }
    pub fn key(&self) -> RegisterKey {
        RegisterKey(self.loaded.path.clone())
    }
}

/// Which register a step of undo history, an effect or a prompt is about:
/// its file, which stays the same however the list of entries changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RegisterKey(PathBuf);

impl RegisterKey {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

/// What saving every register with unsaved edits came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// These bureaus' registers were written (none: nothing to save).
    All(Vec<String>),
    /// The file changed on disk since it was loaded: nothing was written
    /// over it (the registers before it in the list were saved).
    Conflict(RegisterKey),
    /// Writing failed; the file on disk is as it was.
    Failed(crate::model::Label),
}

#[derive(Clone, Debug)]
pub struct Workspace {
    pub root: PathBuf,
    pub catalog: Catalog,
    /// Fiscal years (Buddhist era) that have a directory, ascending.
    pub years: Vec<u16>,
    pub year: u16,
    pub entries: Vec<Entry>,
    /// Files of the year that could not be read; shown on the overview.
    pub errors: Vec<LoadError>,
    /// Bumped whenever any register changes, so views can cache what they
    /// compute from them; only the methods here that change a register bump
    /// it, so a cache can never miss a change.
    generation: u64,
    /// The latest edits, each with the generation it made (consecutive, up
    /// to the current one): what lets a cache catch up on the part an edit
    /// touched (`changes_since`) instead of computing everything again.
    /// Any other change of the registers (another year, a reload, a new
    /// register, registers read in the background) empties it.
    journal: VecDeque<(u64, usize, Part)>,
    /// While the year's registers are still being read in the background:
    /// how far it has got. `entries` and `errors` then hold only the files
    /// read so far, so nothing computed across them is final.
    pub loading: Option<Loading>,
    /// Where a year's registers are read when the interface asks for one:
    /// none, at once (tests, benches); some, on a thread of their own,
    /// handed over in pieces (`take`) so the screen is drawn meanwhile.
    background: Option<Background>,
}

/// How many of the latest edits `Workspace::changes_since` tells.
const JOURNAL: usize = 64;

/// Why the registers could not be opened at all.
pub fn describe(errors: &[LoadError]) -> String {
    describe_in(errors, crate::model::Lang::En)
}

/// [`describe`] in `lang`.
pub fn describe_in(errors: &[LoadError], lang: crate::model::Lang) -> String {
    errors
        .iter()
        .map(|e| e.text(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Workspace {
    /// Opens a registers directory at its latest fiscal year, every
    /// register read before this returns.
    /// Why not is said in both languages: the interface is not drawn yet.
    pub fn open(root: &Path) -> Result<Workspace, crate::model::Label> {
        Workspace::open_with(root, None)
    }

    /// Opens a registers directory at its latest fiscal year with only its
    /// shared files read: the year's registers (and any other year's asked
    /// for later) are read on another thread and sent to `background` in
    /// pieces, for the event loop to hand to `take`.
    pub fn open_in_background(
        root: &Path,
        background: Background,
    ) -> Result<Workspace, crate::model::Label> {
        Workspace::open_with(root, Some(background))
    }

    fn open_with(
        root: &Path,
        background: Option<Background>,
    ) -> Result<Workspace, crate::model::Label> {
        use crate::model::{Label, Lang};
        let catalog = Catalog::load(root)
            .map_err(|e| Label::new(describe_in(&e, Lang::Th), describe_in(&e, Lang::En)))?;
        let years = store::layout::fiscal_years(root);
        let Some(&year) = years.last() else {
            return Err(Label::new(
                format!(
                    "{}: ไม่มีไดเรกทอรีปีงบประมาณ (เช่น 2567/) ที่มีทะเบียน",
                    root.display()
                ),
                format!(
                    "{}: no fiscal-year directory (e.g. 2567/) with registers",
                    root.display()
                ),
            ));
        };
        let mut ws = Workspace {
            root: root.to_path_buf(),
            catalog,
            years,
            year,
            entries: Vec::new(),
            errors: Vec::new(),
            generation: 0,
            journal: VecDeque::new(),
            loading: None,
            background,
        };
        ws.load_year(year)?;
        Ok(ws)
    }

    /// Loads every register of `year`, replacing what was loaded; in the
    /// background (see `open_in_background`) it only starts reading them.
    pub fn load_year(&mut self, year: u16) -> Result<(), crate::model::Label> {
        use crate::model::{Label, Lang};
        let words = |e: LoadError| Label::new(e.text(Lang::Th), e.text(Lang::En));
        if let Some(background) = &self.background {
            let files = store::year_files(&self.root, year).map_err(words)?;
            let loading = background
                .start(year, files)
                .map_err(|e| Label::new(format!("เริ่มอ่านทะเบียนไม่ได้ ({e})"), e))?;
            let nothing_to_read = loading.total() == 0;
            self.year = year;
            self.entries = Vec::new();
            self.errors = Vec::new();
            self.changed();
            self.loading = Some(loading);
            if nothing_to_read {
                self.finish_loading();
            }
            return Ok(());
        }
        let (ok, errors) = store::load_year(&self.root, year).map_err(words)?;
        self.year = year;
        self.entries = ok.into_iter().map(Entry::new).collect();
        self.errors = errors;
        self.changed();
        self.loading = None;
        self.refresh_git();
        Ok(())
    }

    /// Adds registers the background loader read, in the order of their
    /// files; says whether the year is now read whole. A piece of a year
    /// no longer on screen (the user changed year meanwhile) is dropped.
    pub fn take(&mut self, piece: Piece) -> bool {
        let current = self
            .background
            .as_ref()
            .is_some_and(|b| b.is_current(&piece));
        let Some(loading) = self.loading.as_mut().filter(|_| current) else {
            return false;
        };
        loading.done += piece.files;
        let read_whole = loading.done >= loading.total();
        self.entries.extend(piece.entries);
        self.errors.extend(piece.errors);
        self.changed();
        if !read_whole {
            return false;
        }
        self.finish_loading();
        true
    }

    fn finish_loading(&mut self) {
        self.loading = None;
        self.changed();
        self.refresh_git();
    }

    /// Changes with every change of a register's value (edit, undo, reload,
    /// another year): what a cache of something computed from them keys on.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The edits made since `generation`, oldest first, as (entry, part):
    /// none when it is the current one; `None` when something else changed
    /// meanwhile (or too long ago to tell), so all must be computed again.
    pub fn changes_since(&self, generation: u64) -> Option<Vec<(usize, Part)>> {
        if generation == self.generation {
            return Some(Vec::new());
        }
        let first = self.journal.front()?.0;
        (first <= generation + 1 && generation < self.generation).then(|| {
            self.journal
                .iter()
                .filter(|(g, _, _)| *g > generation)
                .map(|&(_, entry, part)| (entry, part))
                .collect()
        })
    }

    /// After a change of the registers that is no edit of a part: every
    /// cache computes again.
    fn changed(&mut self) {
        self.generation += 1;
        self.journal.clear();
    }

    /// After an edit of `part` of entry `entry`: a cache may catch up on it.
    fn edited(&mut self, entry: usize, part: Part) {
        self.generation += 1;
        if self.journal.len() == JOURNAL {
            self.journal.pop_front();
        }
        self.journal.push_back((self.generation, entry, part));
    }

    /// The entry of a register, if it is still loaded.
    pub fn find(&self, key: &RegisterKey) -> Option<usize> {
        self.entries.iter().position(|e| e.loaded.path == key.0)
    }

    /// Runs a change on `part` of an entry's register, with its methodology
    /// and the approach groups to check against. Gives that part as it was
    /// when the change changed anything; on error the part is put back and
    /// nothing changes. The change must keep to `part` (checked in debug
    /// builds): only that part is kept for undo.
    pub fn edit(
        &mut self,
        entry: usize,
        part: Part,
        change: impl FnOnce(&mut Register, Option<&Methodology>, &ApproachList) -> Result<(), String>,
    ) -> Result<Option<Earlier>, String> {
        let e = self.entries.get_mut(entry).ok_or("no register on screen")?;
        let method = self.catalog.method(&e.loaded.value.methodology);
        let before = part::keep(&e.loaded.value, part).ok_or("no such risk in the register")?;
        // the first change keeps the saved value whole, to tell edits apart
        // and to merge with a change on disk
        let first = e.saved.is_none().then(|| e.loaded.value.clone());
        #[cfg(debug_assertions)]
        let whole = e.loaded.value.clone();
        if let Err(why) = change(&mut e.loaded.value, method, &self.catalog.approaches.value) {
            part::put_back(&mut e.loaded.value, before);
            return Err(why);
        }
        #[cfg(debug_assertions)]
        {
            let mut outside = e.loaded.value.clone();
            part::put_back(&mut outside, before.clone());
            debug_assert!(outside == whole, "an edit of {part:?} changed more");
        }
        if part::unchanged(&e.loaded.value, &before) {
            return Ok(None);
        }
        if first.is_some() {
            e.saved = first;
        }
        e.touched(part);
        self.edited(entry, part);
        Ok(Some(before))
    }

    /// Puts a part of a register back as it was (undo, redo); gives that
    /// part as it was just before. None when the register or the risk is
    /// gone.
    pub fn put_back(&mut self, entry: usize, earlier: Earlier) -> Option<Earlier> {
        let e = self.entries.get_mut(entry)?;
        let first = e.saved.is_none().then(|| e.loaded.value.clone());
        let part = earlier.part();
        let now = part::put_back(&mut e.loaded.value, earlier)?;
        if first.is_some() {
            e.saved = first;
        }
        e.touched(part);
        self.edited(entry, part);
        Some(now)
    }

    /// Puts another value in an entry (a merge); gives the one it replaced.
    pub fn replace(&mut self, entry: usize, value: Register) -> Option<Register> {
        match self.put_back(entry, Earlier::Whole(value))? {
            Earlier::Whole(before) => Some(before),
            _ => None,
        }
    }

    /// Saves every register with unsaved edits through the store's atomic,
    /// conflict-checked save; stops at the first that cannot be saved.
    pub fn save_all(&mut self) -> Saved {
        let mut saved = Vec::new();
        let mut stopped = None;
        for e in self.entries.iter_mut().filter(|e| e.dirty) {
            match e.loaded.save() {
                Ok(()) => {
                    // what is on disk is the value again
                    e.saved = None;
                    e.touched(Part::Whole);
                    e.changed_on_disk = false;
                    saved.push(e.code().to_string());
                }
                Err(SaveError::Conflict { .. }) => {
                    stopped = Some(Saved::Conflict(e.key()));
                    break;
                }
                Err(err) => {
                    stopped = Some(Saved::Failed(err.words()));
                    break;
                }
            }
        }
        self.refresh_git();
        stopped.unwrap_or(Saved::All(saved))
    }

    pub fn method(&self, entry: usize) -> Option<&Methodology> {
        let e = self.entries.get(entry)?;
        self.catalog.method(&e.register().methodology)
    }
    pub fn bureau(&self, code: &str) -> Option<&Bureau> {
        self.catalog
            .bureaus
            .value
            .bureaus
            .iter()
            .find(|b| b.code.as_str() == code)
    }
    pub fn entry_of(&self, code: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.code() == code)
    }
    /// Why the year's register of a bureau could not be read, if it could not.
    pub fn error_of(&self, code: &str) -> Option<&LoadError> {
        self.errors
            .iter()
            .find(|e| e.path.file_stem().is_some_and(|s| s == code))
    }
    /// Whether the year's register of a bureau is still being read.
    pub fn pending(&self, code: &str) -> bool {
        self.loading.as_ref().is_some_and(|l| l.pending(code))
    }
    pub fn any_dirty(&self) -> bool {
        self.entries.iter().any(|e| e.dirty)
    }

    /// Whether each file changed on disk, run every few seconds: a file
    /// whose size and modification time are as when it was last checked is
    /// not read again (reading and hashing a thousand registers would
    /// freeze the screen), one whose stamp moved is read and its
    /// fingerprint compared. A change that kept both size and time slips
    /// by here, never past a save, which compares the fingerprint itself.
    pub fn refresh_disk(&mut self) {
        for e in &mut self.entries {
            let now = disk_stamp(&e.loaded.path);
            if now.is_some() && now == e.disk_stamp {
                continue;
            }
            e.changed_on_disk = !e.loaded.unchanged_on_disk();
            e.disk_stamp = now;
        }
    }

    /// Asks git which register files have uncommitted changes. Outside a
    /// repository (or without git) nothing is marked.
    pub fn refresh_git(&mut self) {
        let changed = git_changed_files(&self.root);
        for e in &mut self.entries {
            let path = std::fs::canonicalize(&e.loaded.path).unwrap_or(e.loaded.path.clone());
            e.uncommitted = changed.contains(&path);
        }
    }

    /// Writes a new register file for the year (never over an existing one)
    /// and adds it; returns its entry.
    pub fn create(&mut self, reg: Register) -> Result<usize, crate::model::Label> {
        let path = store::layout::register_path(&self.root, self.year, reg.bureau.as_str());
        let loaded = Loaded::create(&path, reg).map_err(|e| e.words())?;
        self.entries.push(Entry::new(loaded));
        self.changed();
        self.refresh_git();
        Ok(self.entries.len() - 1)
    }

    /// Replaces an entry with what is on disk now.
    pub fn reload(&mut self, entry: usize) -> Result<(), LoadError> {
        let path = self.entries[entry].loaded.path.clone();
        let fresh = store::load_register(&path)?;
        self.install(entry, fresh);
        Ok(())
    }

    /// Replaces an entry with a file just read: it is the new "as saved".
    pub fn install(&mut self, entry: usize, fresh: Loaded<Register>) {
        if let Some(e) = self.entries.get_mut(entry) {
            *e = Entry::new(fresh);
            self.changed();
            self.refresh_git();
        }
    }
}

/// Absolute paths of files under `dir` that `git status` reports as
/// modified, added or untracked. Outside a repository (or without git),
/// none.
pub fn git_changed_files(dir: &Path) -> HashSet<PathBuf> {
    let Ok(repo) = crate::audit::git::Repo::discover(dir) else {
        return HashSet::new();
    };
    repo.uncommitted_under(dir)
        .unwrap_or_default()
        .into_iter()
        .map(|abs| std::fs::canonicalize(&abs).unwrap_or(abs))
        .collect()
}
