//! The application state and the one place it changes: `App::update` takes
//! an action and returns the I/O it needs done (an `Effect`), which the
//! event loop carries out in `effects`. Keys become actions in `on_key`.

use super::action::Action;
use super::form::{self, Ctx, Field, Kind, Target};
use super::keymap::{Key, Keymap, Scope};
use super::settings::Settings;
use super::textedit::TextEdit;
use super::theme::Theme;
use super::workspace::Workspace;
use crate::method::Methodology;
use crate::model::{BandId, Lang, Register, Risk, RoundId, TrafficLight};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Overview,
    Register,
    Editor,
    Monitoring,
    Matrix,
    Summary,
    Changes,
}

impl Screen {
    pub fn scope(self) -> Scope {
        match self {
            Screen::Overview => Scope::Overview,
            Screen::Register => Scope::Register,
            Screen::Editor => Scope::Editor,
            Screen::Monitoring => Scope::Monitoring,
            Screen::Matrix => Scope::Matrix,
            Screen::Summary => Scope::Summary,
            Screen::Changes => Scope::Changes,
        }
    }
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Screen::Overview => lang.pick("ภาพรวม", "Overview"),
            Screen::Register => lang.pick("ทะเบียนความเสี่ยง", "Register"),
            Screen::Editor => lang.pick("แก้ไข", "Editor"),
            Screen::Monitoring => lang.pick("ติดตามผล", "Monitoring"),
            Screen::Matrix => lang.pick("เมทริกซ์ความเสี่ยง", "Risk matrix"),
            Screen::Summary => lang.pick("สรุปผล", "Summary"),
            Screen::Changes => lang.pick("การเปลี่ยนแปลง", "Changes"),
        }
    }
}

/// I/O the event loop must do for an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// Write the unsaved version of an entry beside the file, then reload it.
    SaveCopy(usize),
    Reload(usize),
    LoadYear(u16),
    /// Write the summary to this file, in the format its extension names.
    Export(std::path::PathBuf),
    /// Compute the changes of the register on screen against git HEAD.
    LoadChanges,
}

/// A window over the screen that takes the keys first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    None,
    Help,
    Edit {
        field: Field,
        edit: TextEdit,
        error: Option<String>,
    },
    Pick {
        field: Field,
        options: Vec<String>,
        selected: usize,
        error: Option<String>,
    },
    Search(TextEdit),
    /// The file to export the summary to; its extension chooses the format.
    Export {
        edit: TextEdit,
        error: Option<String>,
    },
    ConfirmQuit,
    Conflict(usize),
}

/// Register table columns, in order.
pub const COLUMNS: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterView {
    pub selected: usize,
    pub sort: usize,
    pub reverse: bool,
    pub band: Option<BandId>,
    /// From the matrix: only risks in this cell (residual?, likelihood, impact).
    pub cell: Option<(bool, u8, u8)>,
    pub query: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorView {
    pub target: Option<Target>,
    pub cursor: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixView {
    pub residual: bool,
    /// Cursor: likelihood and impact levels, 1-based.
    pub l: u8,
    pub i: u8,
}

/// What the register's visible rows depend on besides the row under the cursor.
type VisibleKey = (
    usize,
    u64,
    usize,
    bool,
    Option<BandId>,
    Option<(bool, u8, u8)>,
    String,
    Option<RoundId>,
);

type SummaryKey = (u64, u16, Option<RoundId>);
type Findings = Vec<crate::validate::Finding>;

pub struct App {
    pub ws: Workspace,
    /// The register's rows after filter and sort, kept until what they
    /// depend on changes: sorting 2 000 risks on every key would cost a frame.
    visible_cache: std::cell::RefCell<Option<(VisibleKey, Vec<usize>)>>,
    /// The validator's findings for the register on screen, by (generation, entry).
    findings_cache: std::cell::RefCell<Option<((u64, usize), Findings)>>,
    /// The summary of the round, kept until a register or the round changes.
    summary_cache: std::cell::RefCell<Option<(SummaryKey, Result<crate::report::Summary, String>)>>,
    pub settings: Settings,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub screen: Screen,
    /// Screens to go back to with Esc.
    pub stack: Vec<Screen>,
    /// The entry (bureau register) on screen.
    pub current: usize,
    /// The monitoring round, by id.
    pub round: Option<RoundId>,
    pub overview_selected: usize,
    pub register: RegisterView,
    pub editor: EditorView,
    pub monitoring_selected: usize,
    pub matrix: MatrixView,
    pub summary_scroll: usize,
    /// The last scroll position that still fills the screen, as last drawn.
    pub summary_max_scroll: std::cell::Cell<usize>,
    /// The Changes screen: one line per change, or why there are none.
    pub changes: Result<Vec<String>, String>,
    pub changes_scroll: usize,
    pub modal: Modal,
    /// A line of feedback (saved, refused, …).
    pub status: Option<String>,
    undo: Vec<(usize, Register)>,
    redo: Vec<(usize, Register)>,
    pub quit: bool,
}

impl App {
    pub fn new(ws: Workspace, settings: Settings, theme: Theme) -> App {
        let (keymap, problems) = Keymap::with_overrides(&settings.keys);
        let lang = settings.lang;
        let mut app = App {
            ws,
            visible_cache: std::cell::RefCell::new(None),
            summary_cache: std::cell::RefCell::new(None),
            findings_cache: std::cell::RefCell::new(None),
            settings,
            lang,
            theme,
            keymap,
            screen: Screen::Overview,
            stack: Vec::new(),
            current: 0,
            round: None,
            overview_selected: 0,
            register: RegisterView::default(),
            editor: EditorView::default(),
            monitoring_selected: 0,
            matrix: MatrixView {
                residual: false,
                l: 1,
                i: 1,
            },
            summary_scroll: 0,
            summary_max_scroll: std::cell::Cell::new(0),
            changes: Ok(Vec::new()),
            changes_scroll: 0,
            modal: Modal::None,
            status: (!problems.is_empty()).then(|| problems.join("; ")),
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
        };
        app.round = app.default_round();
        app
    }

    /// Opens a registers directory with the given settings.
    pub fn open(root: &std::path::Path, settings: Settings, theme: Theme) -> Result<App, String> {
        Ok(App::new(Workspace::open(root)?, settings, theme))
    }

    /// Feeds a key, then does the I/O it asked for: what the event loop does.
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(effect) = self.on_key(key) {
            super::effects::perform(self, effect);
        }
    }

    /// The latest round of the first register's methodology that has any
    /// monitoring recorded, else its first round.
    pub fn default_round(&self) -> Option<RoundId> {
        let method = self.ws.method(0)?;
        let recorded = |r: &RoundId| {
            self.ws.entries.iter().any(|e| {
                e.register()
                    .measures()
                    .any(|(_, m)| m.at_round(r).is_some())
            })
        };
        method
            .rounds
            .iter()
            .rev()
            .find(|r| recorded(&r.id))
            .or(method.rounds.first())
            .map(|r| r.id.clone())
    }

    pub fn method(&self) -> Option<&Methodology> {
        self.ws.method(self.current)
    }
    pub fn register_value(&self) -> Option<&Register> {
        self.ws.entries.get(self.current).map(|e| e.register())
    }
    pub fn round_label(&self) -> String {
        let Some(round) = &self.round else {
            return "—".into();
        };
        self.method()
            .and_then(|m| m.round(round))
            .map_or_else(|| round.to_string(), |r| r.label.get(self.lang).to_string())
    }

    /// The overview's rows: the bureaus of the list, then registers of
    /// bureaus not on it; each with its entry if a register was loaded.
    pub fn overview_rows(&self) -> Vec<(String, Option<usize>)> {
        let mut rows: Vec<(String, Option<usize>)> = self
            .ws
            .catalog
            .bureaus
            .value
            .bureaus
            .iter()
            .map(|b| (b.code.to_string(), self.ws.entry_of(b.code.as_str())))
            .collect();
        for (i, e) in self.ws.entries.iter().enumerate() {
            if !rows.iter().any(|(_, x)| *x == Some(i)) {
                rows.push((e.code().to_string(), Some(i)));
            }
        }
        rows
    }

    /// The current scope for key lookup: a modal's, else the screen's.
    pub fn scope(&self) -> Scope {
        match self.modal {
            Modal::ConfirmQuit => Scope::ConfirmQuit,
            Modal::Conflict(_) => Scope::Conflict,
            _ => self.screen.scope(),
        }
    }

    /// A key press: text entry in editing modals, otherwise the key map.
    pub fn on_key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        match &mut self.modal {
            Modal::Help => {
                self.modal = Modal::None;
                return None;
            }
            Modal::Edit { .. } | Modal::Search(_) | Modal::Export { .. } => {
                return self.on_text_key(key);
            }
            Modal::Pick { .. } => return self.on_pick_key(key),
            _ => {}
        }
        let action = self.keymap.lookup(self.scope(), Key::from_event(&key))?;
        self.update(action)
    }

    fn on_text_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let edit = match &mut self.modal {
            Modal::Edit { edit, .. } | Modal::Search(edit) | Modal::Export { edit, .. } => edit,
            _ => return None,
        };
        match key.code {
            KeyCode::Esc => {
                if let Modal::Search(_) = self.modal {
                    self.register.query.clear();
                }
                self.modal = Modal::None;
            }
            KeyCode::Enter if alt && edit.multiline => edit.insert('\n'),
            KeyCode::Enter => return self.commit_text(),
            KeyCode::Backspace => edit.backspace(),
            KeyCode::Delete => edit.delete(),
            KeyCode::Left => edit.left(),
            KeyCode::Right => edit.right(),
            KeyCode::Up => edit.up(),
            KeyCode::Down => edit.down(),
            KeyCode::Home => edit.home(),
            KeyCode::End => edit.end(),
            KeyCode::Char('u') if ctrl => {
                *edit = TextEdit::new("", edit.multiline);
            }
            KeyCode::Char(c) if !ctrl => edit.insert(c),
            _ => {}
        }
        if let Modal::Search(edit) = &self.modal {
            // the table follows the search as it is typed
            self.register.query = edit.text().to_string();
            self.register.selected = 0;
        }
        None
    }

    fn on_pick_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let Modal::Pick {
            options, selected, ..
        } = &mut self.modal
        else {
            return None;
        };
        match key.code {
            KeyCode::Esc => self.modal = Modal::None,
            KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                *selected = (*selected + 1).min(options.len().saturating_sub(1))
            }
            KeyCode::Char(c) if c.is_ascii_digit() => {
                // digits pick directly: ratings are numbered from 1
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=options.len()).contains(&n) {
                    *selected = n - 1;
                    return self.commit_pick();
                }
            }
            KeyCode::Enter => return self.commit_pick(),
            _ => {}
        }
        None
    }

    /// Runs a change on the register on screen, keeping undo history and
    /// the unsaved mark right. On error nothing changes.
    pub fn mutate(
        &mut self,
        change: impl FnOnce(
            &mut Register,
            Option<&Methodology>,
            &crate::model::ApproachList,
        ) -> Result<(), String>,
    ) -> Result<(), String> {
        let entry_ix = self.current;
        let ws = &mut self.ws;
        let entry = ws
            .entries
            .get_mut(entry_ix)
            .ok_or("no register on screen")?;
        let method = ws.catalog.method(&entry.loaded.value.methodology);
        let before = entry.loaded.value.clone();
        change(
            &mut entry.loaded.value,
            method,
            &ws.catalog.approaches.value,
        )?;
        if entry.loaded.value == before {
            return Ok(());
        }
        entry.touched();
        ws.generation += 1;
        self.undo.push((entry_ix, before));
        self.redo.clear();
        Ok(())
    }

    fn restore(&mut self, from_undo: bool) {
        let (stack, other) = if from_undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((ix, value)) = stack.pop() else {
            self.status = Some(self.lang.pick("ไม่มีอะไรให้ย้อน", "nothing to undo").into());
            return;
        };
        let Some(entry) = self.ws.entries.get_mut(ix) else {
            return;
        };
        let now = std::mem::replace(&mut entry.loaded.value, value);
        other.push((ix, now));
        entry.touched();
        self.ws.generation += 1;
        self.current = ix;
    }

    /// Replaces an entry with what is on disk, keeping the version on screen
    /// as the last undo step: `u` brings it back, so a reload loses nothing.
    pub fn reload_keeping_undo(&mut self, entry: usize) -> Result<(), String> {
        let mine = self
            .ws
            .entries
            .get(entry)
            .map(|e| e.register().clone())
            .ok_or("no such register")?;
        self.ws.reload(entry).map_err(|e| e.to_string())?;
        if self.ws.entries[entry].register() != &mine {
            self.undo.push((entry, mine));
            self.redo.clear();
        }
        Ok(())
    }

    /// Forgets all undo history (another fiscal year was loaded).
    pub fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    fn form_ctx(&self) -> Option<Ctx<'_>> {
        Some(Ctx {
            register: self.register_value()?,
            method: self.method(),
            approaches: &self.ws.catalog.approaches.value,
            lang: self.lang,
        })
    }

    /// The fields of the form on screen.
    pub fn form_fields(&self) -> Vec<Field> {
        match (&self.editor.target, self.register_value()) {
            (Some(t), Some(r)) => form::fields(t, r, self.method()),
            _ => Vec::new(),
        }
    }

    fn open_field(&mut self) {
        let fields = self.form_fields();
        let (Some(&field), Some(target)) =
            (fields.get(self.editor.cursor), self.editor.target.clone())
        else {
            return;
        };
        let Some(ctx) = self.form_ctx() else { return };
        match form::kind(field, &ctx) {
            Kind::ReadOnly => {
                self.status = Some(
                    self.lang
                        .pick("แก้ไขช่องนี้ไม่ได้", "this field cannot be edited")
                        .into(),
                )
            }
            Kind::Text { multiline } => {
                let now = form::value(field, &target, &ctx);
                // the measure's id is shown with its title but is not part of it
                let now = match field {
                    Field::MeasureTitle(mi) => ctx
                        .register
                        .risks
                        .get(target_risk(&target))
                        .and_then(|r| r.measures.get(mi))
                        .map_or(now, |m| m.title.clone()),
                    _ => now,
                };
                self.modal = Modal::Edit {
                    field,
                    edit: TextEdit::new(&now, multiline),
                    error: None,
                };
            }
            Kind::Pick(options) => {
                let selected = form::picked(field, &target, &ctx);
                self.modal = Modal::Pick {
                    field,
                    options,
                    selected,
                    error: None,
                };
            }
        }
    }

    fn commit_text(&mut self) -> Option<Effect> {
        if let Modal::Search(_) = self.modal {
            self.modal = Modal::None;
            return None;
        }
        if let Modal::Export { edit, error } = &mut self.modal {
            let path = std::path::PathBuf::from(edit.text().trim());
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if crate::report::Format::parse(ext).is_none() {
                *error = Some(format!(
                    "{} .txt .md .csv .json .html .xlsx",
                    self.lang
                        .pick("นามสกุลไฟล์บอกรูปแบบ:", "the extension names the format:")
                ));
                return None;
            }
            self.modal = Modal::None;
            return Some(Effect::Export(path));
        }
        let Modal::Edit { field, edit, .. } = &self.modal else {
            return None;
        };
        let (field, text) = (*field, edit.text().to_string());
        let target = self.editor.target.clone()?;
        match self.mutate(|reg, _, _| form::set_text(field, &target, reg, &text)) {
            Ok(()) => self.modal = Modal::None,
            // keep the typed text and say what is wrong, right where it is
            Err(e) => {
                if let Modal::Edit { error, .. } = &mut self.modal {
                    *error = Some(e);
                }
            }
        }
        None
    }

    fn commit_pick(&mut self) -> Option<Effect> {
        let Modal::Pick {
            field, selected, ..
        } = &self.modal
        else {
            return None;
        };
        let (field, index) = (*field, *selected);
        let target = self.editor.target.clone()?;
        match self.mutate(|reg, method, approaches| {
            form::set_pick(field, &target, reg, method, approaches, index)
        }) {
            Ok(()) => self.modal = Modal::None,
            Err(e) => {
                if let Modal::Pick { error, .. } = &mut self.modal {
                    *error = Some(e);
                }
            }
        }
        None
    }

    fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            self.stack.push(self.screen);
            self.screen = screen;
        }
    }

    fn back(&mut self) {
        if let Some(prev) = self.stack.pop() {
            self.screen = prev;
        } else if self.screen != Screen::Overview {
            self.screen = Screen::Overview;
        }
    }

    fn step_round(&mut self, forward: bool) {
        let Some(method) = self.method() else { return };
        let ids: Vec<RoundId> = method.rounds.iter().map(|r| r.id.clone()).collect();
        if ids.is_empty() {
            return;
        }
        let now = self
            .round
            .as_ref()
            .and_then(|r| ids.iter().position(|x| x == r))
            .unwrap_or(0);
        let next = if forward {
            (now + 1).min(ids.len() - 1)
        } else {
            now.saturating_sub(1)
        };
        self.round = Some(ids[next].clone());
        if let Some(Target::Monitoring { round, .. }) = &mut self.editor.target {
            *round = ids[next].clone();
        }
    }

    fn step_year(&mut self, forward: bool) -> Option<Effect> {
        let years = &self.ws.years;
        let now = years.iter().position(|y| *y == self.ws.year)?;
        let next = if forward {
            years.get(now + 1)
        } else {
            now.checked_sub(1).and_then(|p| years.get(p))
        }?;
        if self.ws.any_dirty() {
            self.status = Some(
                self.lang
                    .pick(
                        "บันทึกก่อนเปลี่ยนปีงบประมาณ (Ctrl-S)",
                        "save before changing the fiscal year (Ctrl-S)",
                    )
                    .into(),
            );
            return None;
        }
        Some(Effect::LoadYear(*next))
    }

    /// Moves a list cursor.
    fn move_in(cursor: &mut usize, len: usize, action: Action) {
        let last = len.saturating_sub(1);
        *cursor = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (*cursor + 1).min(last),
            Action::PageUp => cursor.saturating_sub(10),
            Action::PageDown => (*cursor + 10).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => *cursor,
        };
    }

    /// Sets the status of the measure under the cursor at the round.
    fn set_status(&mut self, light: TrafficLight) {
        self.monitoring_change(|m| {
            m.status = light;
        });
    }

    fn monitoring_change(&mut self, f: impl FnOnce(&mut crate::model::Monitoring)) {
        let rows = self.measure_rows();
        let (Some(&(ri, mi)), Some(round)) =
            (rows.get(self.monitoring_selected), self.round.clone())
        else {
            return;
        };
        let result = self.mutate(|reg, _, _| {
            let m = reg
                .risks
                .get_mut(ri)
                .and_then(|r| r.measures.get_mut(mi))
                .ok_or("the measure is gone")?;
            if m.at_round(&round).is_none() {
                m.monitoring
                    .push(crate::model::Monitoring::new(round.clone()));
            }
            if let Some(entry) = m.at_round_mut(&round) {
                f(entry);
            }
            Ok(())
        });
        if let Err(e) = result {
            self.status = Some(e);
        }
    }

    /// (risk, measure) index pairs of the register on screen, in order.
    pub fn measure_rows(&self) -> Vec<(usize, usize)> {
        self.register_value().map_or_else(Vec::new, |r| {
            r.risks
                .iter()
                .enumerate()
                .flat_map(|(ri, risk)| (0..risk.measures.len()).map(move |mi| (ri, mi)))
                .collect()
        })
    }

    /// Risks of the register screen after filter, search and sort.
    pub fn visible_risks(&self) -> Vec<usize> {
        let v = &self.register;
        let key: VisibleKey = (
            self.current,
            self.ws.generation,
            v.sort,
            v.reverse,
            v.band.clone(),
            v.cell,
            v.query.clone(),
            self.round.clone(),
        );
        if let Some((k, rows)) = &*self.visible_cache.borrow()
            && *k == key
        {
            return rows.clone();
        }
        let rows = super::screens::register::visible(self);
        *self.visible_cache.borrow_mut() = Some((key, rows.clone()));
        rows
    }

    pub fn update(&mut self, action: Action) -> Option<Effect> {
        self.status = None;
        match action {
            Action::Quit => {
                if self.ws.any_dirty() {
                    self.modal = Modal::ConfirmQuit;
                } else {
                    self.quit = true;
                }
                return None;
            }
            Action::Yes if self.modal == Modal::ConfirmQuit => {
                self.quit = true;
                return None;
            }
            Action::No if self.modal == Modal::ConfirmQuit => {
                self.modal = Modal::None;
                return None;
            }
            Action::Help => {
                self.modal = Modal::Help;
                return None;
            }
            Action::Save => return Some(Effect::Save),
            Action::Undo => {
                self.restore(true);
                return None;
            }
            Action::Redo => {
                self.restore(false);
                return None;
            }
            Action::ToggleLang => {
                self.lang = match self.lang {
                    Lang::Th => Lang::En,
                    Lang::En => Lang::Th,
                };
                return None;
            }
            _ => {}
        }
        if let Modal::Conflict(entry) = self.modal {
            return match action {
                Action::Reload => {
                    self.modal = Modal::None;
                    Some(Effect::Reload(entry))
                }
                Action::SaveCopy => {
                    self.modal = Modal::None;
                    Some(Effect::SaveCopy(entry))
                }
                Action::Back => {
                    self.modal = Modal::None;
                    self.status = Some(
                        self.lang
                            .pick(
                                "ยกเลิกการบันทึก ข้อมูลของคุณยังอยู่",
                                "save cancelled; your changes are kept",
                            )
                            .into(),
                    );
                    None
                }
                _ => None,
            };
        }
        match action {
            Action::ToOverview => {
                self.stack.clear();
                self.screen = Screen::Overview;
            }
            Action::ToRegister => self.go(Screen::Register),
            Action::ToMonitoring => {
                self.monitoring_selected = 0;
                self.go(Screen::Monitoring)
            }
            Action::ToMatrix => {
                // start on the cell of the risk under the cursor, if any
                let rows = self.visible_risks();
                let point = rows
                    .get(self.register.selected)
                    .and_then(|&ri| self.register_value()?.risks.get(ri))
                    .map(|r| r.inherent);
                if let Some(p) = point {
                    self.matrix.l = p.likelihood.max(1);
                    self.matrix.i = p.impact.max(1);
                }
                self.go(Screen::Matrix)
            }
            Action::ToSummary => self.go(Screen::Summary),
            Action::ToChanges => {
                self.go(Screen::Changes);
                self.changes_scroll = 0;
                return Some(Effect::LoadChanges);
            }
            Action::Back => self.back(),
            Action::NextRound => self.step_round(true),
            Action::PrevRound => self.step_round(false),
            _ => return self.screen_update(action),
        }
        None
    }

    fn screen_update(&mut self, action: Action) -> Option<Effect> {
        match self.screen {
            Screen::Overview => {
                let rows = self.overview_rows();
                match action {
                    Action::NextYear => return self.step_year(true),
                    Action::PrevYear => return self.step_year(false),
                    Action::Open => {
                        if let Some((code, Some(entry))) = rows.get(self.overview_selected) {
                            self.current = *entry;
                            self.register = RegisterView::default();
                            let _ = code;
                            self.go(Screen::Register);
                        } else {
                            self.status = Some(
                                self.lang
                                    .pick(
                                        "สำนักนี้ยังไม่มีทะเบียนในปีนี้",
                                        "this bureau has no register this year",
                                    )
                                    .into(),
                            );
                        }
                    }
                    _ => Self::move_in(&mut self.overview_selected, rows.len(), action),
                }
            }
            Screen::Register => {
                let visible = self.visible_risks();
                match action {
                    Action::Open => {
                        if let Some(&ri) = visible.get(self.register.selected) {
                            self.editor = EditorView {
                                target: Some(Target::Risk(ri)),
                                cursor: 1,
                            };
                            self.go(Screen::Editor);
                        }
                    }
                    Action::Search => {
                        self.modal = Modal::Search(TextEdit::new(&self.register.query, false));
                    }
                    Action::Sort => {
                        self.register.sort = (self.register.sort + 1) % COLUMNS;
                        self.register.reverse = false;
                    }
                    Action::SortReverse => self.register.reverse = !self.register.reverse,
                    Action::FilterBand => {
                        let bands: Vec<BandId> = self
                            .method()
                            .map(|m| m.bands.iter().map(|b| b.id.clone()).collect())
                            .unwrap_or_default();
                        let next = match &self.register.band {
                            None => bands.first(),
                            Some(b) => bands
                                .iter()
                                .position(|x| x == b)
                                .and_then(|p| bands.get(p + 1)),
                        };
                        self.register.band = next.cloned();
                        self.register.selected = 0;
                    }
                    Action::SignPrepared => self.sign_prepared(),
                    Action::AddRisk => self.add_risk(),
                    Action::DeleteRisk => {
                        if let Some(&ri) = visible.get(self.register.selected) {
                            self.delete_risk(ri);
                        }
                    }
                    Action::ClearFilter => {
                        self.register.band = None;
                        self.register.cell = None;
                        self.register.query.clear();
                        self.register.selected = 0;
                    }
                    _ => Self::move_in(&mut self.register.selected, visible.len(), action),
                }
            }
            Screen::Editor => {
                let fields = self.form_fields();
                match action {
                    Action::Open => self.open_field(),
                    Action::NextPane | Action::PrevPane => {
                        let now = fields.get(self.editor.cursor).map_or(0, |f| form::pane(*f));
                        let found = if action == Action::NextPane {
                            fields.iter().position(|f| form::pane(*f) > now)
                        } else {
                            let start =
                                fields.iter().position(|f| form::pane(*f) + 1 == now.max(1));
                            if now == 0 { None } else { start }
                        };
                        self.editor.cursor = found.unwrap_or(0);
                    }
                    // Left/Right step a pick-list field without opening it
                    Action::Left | Action::Right => self.step_pick(action == Action::Right),
                    Action::AddMeasure => self.add_measure(),
                    Action::DeleteMeasure => {
                        let pane = fields.get(self.editor.cursor).map_or(0, |f| form::pane(*f));
                        self.delete_measure(pane);
                    }
                    _ => Self::move_in(&mut self.editor.cursor, fields.len(), action),
                }
            }
            Screen::Monitoring => {
                let rows = self.measure_rows();
                match action {
                    Action::Green => self.set_status(TrafficLight::Green),
                    Action::Yellow => self.set_status(TrafficLight::Yellow),
                    Action::Red => self.set_status(TrafficLight::Red),
                    Action::CycleImplementation => self.monitoring_change(|m| {
                        m.implementation = form::next_implementation(&m.implementation)
                    }),
                    Action::Open => {
                        if let (Some(&(risk, measure)), Some(round)) =
                            (rows.get(self.monitoring_selected), self.round.clone())
                        {
                            self.editor = EditorView {
                                target: Some(Target::Monitoring {
                                    risk,
                                    measure,
                                    round,
                                }),
                                cursor: 0,
                            };
                            self.go(Screen::Editor);
                        }
                    }
                    _ => Self::move_in(&mut self.monitoring_selected, rows.len(), action),
                }
            }
            Screen::Matrix => {
                let (nl, ni) = self.method().map_or((1, 1), |m| {
                    (m.likelihood.levels.len() as u8, m.impact.levels.len() as u8)
                });
                let no_cells = !self.method().is_none_or(Methodology::rerates_residual);
                let v = &mut self.matrix;
                match action {
                    Action::Up => v.l = (v.l + 1).min(nl),
                    Action::Down => v.l = v.l.saturating_sub(1).max(1),
                    Action::Right => v.i = (v.i + 1).min(ni),
                    Action::Left => v.i = v.i.saturating_sub(1).max(1),
                    Action::ToggleResidual => v.residual = !v.residual,
                    Action::Open => {
                        if v.residual && no_cells {
                            self.status = Some(
                                self.lang
                                    .pick(
                                        "ความเสี่ยงคงเหลือของวิธีนี้มาจากตารางการควบคุม ไม่มีตำแหน่งในเมทริกซ์",
                                        "this methodology derives residual risk from controls; it has no cell",
                                    )
                                    .into(),
                            );
                        } else {
                            let (residual, l, i) = (v.residual, v.l, v.i);
                            self.register.cell = Some((residual, l, i));
                            self.register.band = None;
                            self.register.query.clear();
                            self.register.selected = 0;
                            self.go(Screen::Register);
                        }
                    }
                    _ => {}
                }
            }
            Screen::Summary => match action {
                Action::Export => {
                    let name = format!(
                        "summary-{}-{}.xlsx",
                        self.ws.year,
                        self.round
                            .as_ref()
                            .map_or("round".to_string(), ToString::to_string)
                    );
                    let dir = self.ws.root.parent().unwrap_or(&self.ws.root);
                    let path = dir.join(name).display().to_string();
                    self.modal = Modal::Export {
                        edit: TextEdit::new(&path, false),
                        error: None,
                    };
                }
                _ => {
                    let len = self.summary_max_scroll.get() + 1;
                    Self::move_in(&mut self.summary_scroll, len, action)
                }
            },
            Screen::Changes => {
                let len = self.changes.as_ref().map_or(0, Vec::len);
                Self::move_in(&mut self.changes_scroll, len, action);
            }
        }
        None
    }

    fn step_pick(&mut self, forward: bool) {
        let fields = self.form_fields();
        let (Some(&field), Some(target)) =
            (fields.get(self.editor.cursor), self.editor.target.clone())
        else {
            return;
        };
        let Some(ctx) = self.form_ctx() else { return };
        let Kind::Pick(options) = form::kind(field, &ctx) else {
            return;
        };
        let now = form::picked(field, &target, &ctx);
        let next = if forward {
            (now + 1).min(options.len().saturating_sub(1))
        } else {
            now.saturating_sub(1)
        };
        if let Err(e) = self.mutate(|reg, m, a| form::set_pick(field, &target, reg, m, a, next)) {
            self.status = Some(e);
        }
    }

    /// The secretariat-wide summary of the round, from the registers as they
    /// are on screen (unsaved edits included), as `riskreg summary` makes it.
    pub fn summary(&self) -> std::cell::Ref<'_, Result<crate::report::Summary, String>> {
        let key: SummaryKey = (self.ws.generation, self.ws.year, self.round.clone());
        let fresh = self
            .summary_cache
            .borrow()
            .as_ref()
            .is_some_and(|(k, _)| *k == key);
        if !fresh {
            let value = self.compute_summary();
            *self.summary_cache.borrow_mut() = Some((key, value));
        }
        std::cell::Ref::map(self.summary_cache.borrow(), |c| match c {
            Some((_, v)) => v,
            None => unreachable!("the cache was just filled"),
        })
    }

    /// What `riskreg validate` says of the register on screen as it is now
    /// (unsaved edits included), so the editor can show it beside each field.
    pub fn findings(&self) -> std::cell::Ref<'_, Findings> {
        let key = (self.ws.generation, self.current);
        let fresh = self
            .findings_cache
            .borrow()
            .as_ref()
            .is_some_and(|(k, _)| *k == key);
        if !fresh {
            let value = match self.ws.entries.get(self.current) {
                None => Vec::new(),
                Some(e) => {
                    let methods = self.ws.catalog.method_values();
                    let ctx = crate::validate::Context {
                        bureaus: &self.ws.catalog.bureaus.value,
                        approaches: &self.ws.catalog.approaches.value,
                        methods: &methods,
                    };
                    crate::validate::check_register(&ctx, &e.loaded.path, e.register())
                }
            };
            *self.findings_cache.borrow_mut() = Some((key, value));
        }
        std::cell::Ref::map(self.findings_cache.borrow(), |c| match c {
            Some((_, v)) => v,
            None => unreachable!("the cache was just filled"),
        })
    }

    fn compute_summary(&self) -> Result<crate::report::Summary, String> {
        let round = self.round.clone().ok_or("no monitoring round")?;
        let year = crate::model::FiscalYear::new(self.ws.year)?;
        let registers: Vec<Register> = self
            .ws
            .entries
            .iter()
            .map(|e| e.register().clone())
            .collect();
        crate::report::summarize_with_methods(
            &self.ws.catalog.bureaus.value,
            &self.ws.catalog.approaches.value,
            &self.ws.catalog.method_values(),
            &registers,
            year,
            &round,
            None,
        )
        .map_err(|e| e.to_string())
    }

    /// Records the settings' name as who prepared the register, today,
    /// keeping the position already written.
    fn sign_prepared(&mut self) {
        let name = self.settings.name.trim().to_string();
        if name.is_empty() {
            self.status = Some(
                self.lang
                    .pick(
                        "ใส่ชื่อของคุณ (name) ในไฟล์ตั้งค่าก่อน",
                        "put your name (name) in the settings file first",
                    )
                    .into(),
            );
            return;
        }
        let Some(date) = today() else {
            self.status = Some("the system clock gives no usable date".into());
            return;
        };
        let result = self.mutate(|reg, _, _| {
            let position = reg
                .prepared_by
                .as_ref()
                .map(|s| s.position.clone())
                .unwrap_or_default();
            reg.prepared_by = Some(crate::model::Signature {
                name,
                position,
                date,
            });
            Ok(())
        });
        if let Err(e) = result {
            self.status = Some(e);
        }
    }

    fn report(&mut self, result: Result<(), String>, done: String) {
        self.status = Some(match result {
            Ok(()) => done,
            Err(e) => e,
        });
    }

    /// Adds a risk with the next free id and opens it in the editor.
    fn add_risk(&mut self) {
        let mut id = String::new();
        let result = self.mutate(|reg, method, _| {
            let risk = super::records::new_risk(reg, method)?;
            id = risk.id.to_string();
            reg.risks.push(risk);
            Ok(())
        });
        let ok = result.is_ok();
        let done = format!("{} {id}", self.lang.pick("เพิ่มแล้ว:", "added:"));
        self.report(result, done);
        if let (true, Some(reg)) = (ok, self.register_value()) {
            let ri = reg.risks.len() - 1;
            self.register = RegisterView::default();
            self.register.selected = self
                .visible_risks()
                .iter()
                .position(|&i| i == ri)
                .unwrap_or(0);
            self.editor = EditorView {
                target: Some(Target::Risk(ri)),
                cursor: 1,
            };
            self.go(Screen::Editor);
        }
    }

    fn delete_risk(&mut self, ri: usize) {
        let mut id = String::new();
        let result = self.mutate(|reg, _, _| {
            if ri >= reg.risks.len() {
                return Err("the risk is gone".into());
            }
            id = reg.risks.remove(ri).id.to_string();
            Ok(())
        });
        let done = format!(
            "{} {id} — {}",
            self.lang.pick("ลบแล้ว:", "deleted:"),
            self.lang.pick("กด u เพื่อเลิกทำ", "u undoes it")
        );
        self.report(result, done);
        let len = self.visible_risks().len();
        self.register.selected = self.register.selected.min(len.saturating_sub(1));
    }

    /// Adds a measure to the risk in the editor and moves to its title.
    fn add_measure(&mut self) {
        let Some(Target::Risk(ri)) = self.editor.target.clone() else {
            return;
        };
        let mut id = String::new();
        let result = self.mutate(|reg, _, approaches| {
            let m = super::records::new_measure(reg, approaches)?;
            id = m.id.to_string();
            reg.risks
                .get_mut(ri)
                .ok_or("the risk is gone")?
                .measures
                .push(m);
            Ok(())
        });
        let ok = result.is_ok();
        let done = format!("{} {id}", self.lang.pick("เพิ่มแล้ว:", "added:"));
        self.report(result, done);
        if ok {
            let fields = self.form_fields();
            let last = fields
                .iter()
                .filter_map(|f| match f {
                    Field::MeasureTitle(mi) => Some(*mi),
                    _ => None,
                })
                .max();
            if let Some(mi) = last {
                self.editor.cursor = fields
                    .iter()
                    .position(|f| *f == Field::MeasureTitle(mi))
                    .unwrap_or(0);
            }
        }
    }

    /// Deletes the measure whose pane the cursor is in (pane 1 + index).
    fn delete_measure(&mut self, pane: usize) {
        let (Some(Target::Risk(ri)), Some(mi)) = (self.editor.target.clone(), pane.checked_sub(1))
        else {
            self.status = Some(
                self.lang
                    .pick(
                        "เลื่อนไปที่มาตรการที่จะลบก่อน",
                        "move to the measure to delete first",
                    )
                    .into(),
            );
            return;
        };
        let mut id = String::new();
        let result = self.mutate(|reg, _, _| {
            let risk = reg.risks.get_mut(ri).ok_or("the risk is gone")?;
            if mi >= risk.measures.len() {
                return Err("the measure is gone".into());
            }
            id = risk.measures.remove(mi).id.to_string();
            Ok(())
        });
        let done = format!(
            "{} {id} — {}",
            self.lang.pick("ลบแล้ว:", "deleted:"),
            self.lang.pick("กด u เพื่อเลิกทำ", "u undoes it")
        );
        self.report(result, done);
        let len = self.form_fields().len();
        self.editor.cursor = self.editor.cursor.min(len.saturating_sub(1));
    }

    /// The risk on the editor screen.
    pub fn editor_risk(&self) -> Option<&Risk> {
        let t = self.editor.target.as_ref()?;
        self.register_value()?.risks.get(target_risk(t))
    }
}

pub fn target_risk(t: &Target) -> usize {
    match t {
        Target::Risk(ri) => *ri,
        Target::Monitoring { risk, .. } => *risk,
    }
}

/// Today's date in Thailand (UTC+7), in the Buddhist era.
pub fn today() -> Option<crate::model::Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let (y, m, d) = civil_from_days(((secs + 7 * 3600) / 86_400) as i64);
    crate::model::Date::from_ce(y as i32, m, d).ok()
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// algorithm), so no date library is needed for one call.
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates_from_day_numbers() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
    }
}
