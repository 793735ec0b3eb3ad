//! The application state and the one place it changes: `App::update` takes
//! an action and returns the I/O it needs done (an `Effect`), which the
//! event loop carries out in `effects`. Keys become actions in `on_key`.

mod derived;
mod edits;
mod indicators;
mod keys;
pub mod merge;

pub use edits::today;

use super::action::Action;
use super::form::{self, Ctx, Field, Form, Kind};
use super::keymap::{Key, Keymap, Scope};
use super::settings::Settings;
use super::textedit::TextEdit;
use super::theme::Theme;
use super::workspace::Workspace;
use crate::method::Methodology;
use crate::model::{BandId, Lang, Register, Risk, RoundId, TrafficLight};
use crossterm::event::{KeyEvent, KeyEventKind};

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
    /// Create an empty register file for this bureau in the year on screen.
    CreateRegister(String),
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
    /// After a reload, the fields both I and the version on disk changed,
    /// settled one by one.
    Merge(Box<merge::Merging>),
    /// Delete indicator `indicator` of a measure, and its results recorded
    /// at `rounds` monitoring rounds?
    ConfirmDeleteIndicator {
        risk: usize,
        measure: usize,
        indicator: usize,
        rounds: usize,
    },
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
    /// Tab gives the keys to the detail pane, to scroll it.
    pub detail_focus: bool,
    pub detail_scroll: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorView {
    pub target: Option<Form>,
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

type SummaryKey = (u64, u16, Option<RoundId>, bool);
type Findings = Vec<crate::validate::Finding>;

/// What the editor's findings depend on: the workspace's generation, the
/// register on screen and the risk in the editor (none for the header).
type FindingsKey = (u64, usize, Option<usize>);

pub struct App {
    pub ws: Workspace,
    /// The register's rows after filter and sort, kept until what they
    /// depend on changes: sorting 2 000 risks on every key would cost a frame.
    visible_cache: std::cell::RefCell<Option<(VisibleKey, Vec<usize>)>>,
    /// The validator's findings for what the editor shows, by (generation,
    /// entry, risk or None for the header).
    findings_cache: std::cell::RefCell<Option<(FindingsKey, Findings)>>,
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
    /// Compare the round with the one before it (what turned red, …).
    pub summary_compare: bool,
    /// The last scroll position that still fills the screen, as last drawn.
    pub summary_max_scroll: std::cell::Cell<usize>,
    /// The Changes screen: the file's changes against git HEAD, or why
    /// there are none (the unsaved edits are computed as it is drawn).
    pub changes: Result<Vec<crate::audit::Change>, String>,
    pub changes_scroll: usize,
    pub modal: Modal,
    /// A line of feedback (saved, refused, …).
    pub status: Option<String>,
    undo: Vec<(usize, Register)>,
    redo: Vec<(usize, Register)>,
    pub quit: bool,
    /// Whose registers the user may edit (people.ron); the others are read-only.
    pub rights: crate::audit::access::EditRights,
    /// The terminal's size as last reported (columns, rows); `None` until
    /// the event loop knows it (as in tests driving the state alone).
    pub terminal_size: Option<(u16, u16)>,
}

impl App {
    pub fn new(ws: Workspace, settings: Settings, theme: Theme) -> App {
        let (keymap, problems) = Keymap::with_overrides(&settings.keys);
        let lang = settings.lang;
        let rights = crate::audit::access::EditRights::load(&ws.root);
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
            summary_compare: false,
            summary_max_scroll: std::cell::Cell::new(0),
            changes: Ok(Vec::new()),
            changes_scroll: 0,
            modal: Modal::None,
            status: (!problems.is_empty()).then(|| problems.join("; ")),
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
            rights,
            terminal_size: None,
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

    /// Whether the terminal is below the smallest size the screens are
    /// drawn at: the screen then shows only a message, so no key may act on
    /// what the user cannot see.
    pub fn too_small(&self) -> bool {
        self.terminal_size
            .is_some_and(|(w, h)| w < super::view::MIN_WIDTH || h < super::view::MIN_HEIGHT)
    }

    /// The current scope for key lookup: a modal's, else the screen's.
    pub fn scope(&self) -> Scope {
        match self.modal {
            Modal::ConfirmQuit => Scope::ConfirmQuit,
            Modal::Conflict(_) => Scope::Conflict,
            Modal::Merge(_) => Scope::Merge,
            Modal::ConfirmDeleteIndicator { .. } => Scope::ConfirmDelete,
            _ => self.screen.scope(),
        }
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

    /// Shows the register of `current` with no filter.
    pub(crate) fn open_register(&mut self) {
        self.register = RegisterView::default();
        self.go(Screen::Register);
        if let Some(why) = self.read_only() {
            self.status = Some(why);
        }
    }

    /// Why the register on screen may not be edited by this user, if so.
    pub fn read_only(&self) -> Option<String> {
        let bureau = self.register_value()?.bureau.clone();
        self.rights.check(bureau.as_str(), self.lang).err()
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
        if let Some(Form::Monitoring { round, .. }) = &mut self.editor.target {
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
            Action::Yes | Action::No
                if matches!(self.modal, Modal::ConfirmDeleteIndicator { .. }) =>
            {
                let modal = std::mem::replace(&mut self.modal, Modal::None);
                if let (
                    Action::Yes,
                    Modal::ConfirmDeleteIndicator {
                        risk,
                        measure,
                        indicator,
                        ..
                    },
                ) = (action, modal)
                {
                    self.delete_indicator(risk, measure, indicator);
                }
                return None;
            }
            Action::KeepMine | Action::TakeTheirs => {
                self.settle_conflict(action == Action::KeepMine);
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
            Action::Back if self.screen == Screen::Register && self.register.detail_focus => {
                self.register.detail_focus = false
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
                    Action::NewRegister => match rows.get(self.overview_selected) {
                        Some((code, None)) => return Some(Effect::CreateRegister(code.clone())),
                        _ => {
                            self.status = Some(
                                self.lang
                                    .pick("สำนักนี้มีทะเบียนแล้ว", "this bureau already has a register")
                                    .into(),
                            )
                        }
                    },
                    Action::NextYear => return self.step_year(true),
                    Action::PrevYear => return self.step_year(false),
                    Action::Open => {
                        if let Some((_, Some(entry))) = rows.get(self.overview_selected) {
                            self.current = *entry;
                            self.open_register();
                        } else if let Some(e) = rows
                            .get(self.overview_selected)
                            .and_then(|(code, _)| self.ws.error_of(code))
                        {
                            self.status = Some(e.to_string());
                        } else {
                            self.status = Some(
                                self.lang
                                    .pick(
                                        "สำนักนี้ยังไม่มีทะเบียนในปีนี้ (n สร้างใหม่)",
                                        "this bureau has no register this year (n creates one)",
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
                if self.register.detail_focus {
                    match action {
                        Action::NextPane | Action::PrevPane | Action::Back => {
                            self.register.detail_focus = false
                        }
                        Action::Up
                        | Action::PageUp
                        | Action::Down
                        | Action::PageDown
                        | Action::Top => {
                            Self::move_in(&mut self.register.detail_scroll, 200, action)
                        }
                        _ => {}
                    }
                    return None;
                }
                match action {
                    Action::NextPane | Action::PrevPane => self.register.detail_focus = true,
                    Action::Open => {
                        if let Some(&ri) = visible.get(self.register.selected) {
                            self.editor = EditorView {
                                target: Some(Form::Risk(ri)),
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
                    Action::EditHeader => {
                        self.editor = EditorView {
                            target: Some(Form::Header),
                            cursor: 0,
                        };
                        self.go(Screen::Editor);
                    }
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
                    _ => {
                        Self::move_in(&mut self.register.selected, visible.len(), action);
                        self.register.detail_scroll = 0;
                    }
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
                    Action::AddIndicator | Action::DeleteIndicator
                        if matches!(self.editor.target, Some(Form::Monitoring { .. })) =>
                    {
                        self.status = Some(
                            self.lang
                                .pick(
                                    "เพิ่มและลบตัวชี้วัดในหน้าแก้ไขความเสี่ยง",
                                    "indicators are added and deleted in the risk editor",
                                )
                                .into(),
                        )
                    }
                    Action::AddIndicator => {
                        let pane = fields.get(self.editor.cursor).map_or(0, |f| form::pane(*f));
                        self.add_indicator(pane);
                    }
                    Action::DeleteIndicator => match fields.get(self.editor.cursor) {
                        Some(Field::IndicatorName(mi, k) | Field::IndicatorTarget(mi, k)) => {
                            self.ask_delete_indicator(*mi, *k)
                        }
                        _ => {
                            self.status = Some(
                                self.lang
                                    .pick(
                                        "เลื่อนไปที่ตัวชี้วัดที่จะลบก่อน",
                                        "move to the indicator to delete first",
                                    )
                                    .into(),
                            )
                        }
                    },
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
                                target: Some(Form::Monitoring {
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
                Action::Compare => self.summary_compare = !self.summary_compare,
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
                // each change may wrap: the screen keeps the scroll in bounds
                let len =
                    (self.changes.as_ref().map_or(1, Vec::len) + self.unsaved_changes().len() + 2)
                        * 4;
                Self::move_in(&mut self.changes_scroll, len, action);
            }
        }
        None
    }

    /// The risk on the editor screen.
    pub fn editor_risk(&self) -> Option<&Risk> {
        let t = self.editor.target.as_ref()?;
        self.register_value()?.risks.get(target_risk(t)?)
    }
}

/// The risk a form is about (none for the register's header).
pub fn target_risk(t: &Form) -> Option<usize> {
    match t {
        Form::Risk(ri) => Some(*ri),
        Form::Monitoring { risk, .. } => Some(*risk),
        Form::Header => None,
    }
}
