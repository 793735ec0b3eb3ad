//! The application state and the one place it changes: `App::update` takes
//! a message (a key, a paste, a resize, or what an effect did) and returns
//! the I/O it needs done (an `Effect`), which the event loop carries out in
//! `effects` and hands back as `Msg::Done`. Keys become actions in `on_key`.

mod done;
mod edits;
mod keys;
mod loading;
pub mod merge;
mod prompts;

use super::action::Action;
use super::form::{self, Ctx, Field, Form};
use super::keymap::{Key, Keymap, Scope};
pub use super::notice::Notice;
pub use super::screens::Screen;
use super::screens::{
    self, changes::ChangesView, editor::EditorView, matrix::MatrixView, monitoring::MonitoringView,
    overview::OverviewView, register::RegisterView, summary::SummaryView,
};
use super::screens::{commit::CommitView, history::HistoryView};
use super::settings::Settings;
use super::textedit::TextEdit;
use super::theme::Theme;
use super::workspace::{Earlier, Part, Workspace};
use crate::method::Methodology;
use crate::model::{Lang, Register, Risk, RoundId};
use crossterm::event::{KeyEvent, KeyEventKind};

pub use super::effects::{Done, Effect};
use super::workspace::RegisterKey;

/// What changes the state: everything the event loop hands to `App::update`.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted in one piece (bracketed paste), never taken as keys.
    Paste(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    Action(Action),
    /// What an effect the app asked for did.
    Done(Done),
    /// Registers the background loader read (see `workspace::loader`).
    Loaded(super::workspace::Piece),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
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
    /// Saving found this register's file changed on disk since it was loaded.
    Conflict(RegisterKey),
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
    /// The message of the commit the Commit screen shows.
    CommitMessage {
        edit: TextEdit,
        error: Option<String>,
    },
}

/// What has fallen due in each entry, by (generation, today).
pub(crate) type DueKey = (u64, Option<crate::model::Date>);

pub struct App {
    pub ws: Workspace,
    /// What has fallen due in each entry: the overview and the register
    /// mark it on every redraw (see `screens::marks`).
    pub(crate) due: crate::tui::cache::Cached<DueKey, Vec<screens::marks::DueOf>>,
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
    /// The round is the default one, not one the user stepped to: while
    /// registers are still being read, the default may move later.
    pub round_is_default: bool,
    // each screen's own state, defined, changed and drawn in `screens`
    pub overview: OverviewView,
    pub register: RegisterView,
    pub editor: EditorView,
    pub monitoring: MonitoringView,
    pub matrix: MatrixView,
    pub summary: SummaryView,
    pub changes: ChangesView,
    pub commit: CommitView,
    pub history: HistoryView,
    pub modal: Modal,
    /// A line of feedback (saved, refused, …), worded when drawn.
    pub status: Option<Notice>,
    /// The parts of registers (a risk, the header, or the whole) as they
    /// were, to go back (and forth) to, latest last.
    undo: Vec<(RegisterKey, Earlier)>,
    redo: Vec<(RegisterKey, Earlier)>,
    pub quit: bool,
    /// Whose registers the user may edit (people.ron); the others are read-only.
    pub rights: crate::audit::access::EditRights,
    /// The terminal's size as last reported (columns, rows); `None` until
    /// the event loop knows it (as in tests driving the state alone).
    pub terminal_size: Option<(u16, u16)>,
    /// The day reviews and reports fall due against (`clock::today`: today
    /// in Thailand, or `RISKREG_TODAY`); `None` when it cannot be told.
    pub today: Option<crate::model::Date>,
}

impl App {
    pub fn new(ws: Workspace, settings: Settings, theme: Theme) -> App {
        let (keymap, problems) = Keymap::with_overrides_said(&settings.keys);
        let lang = settings.language();
        let rights = crate::audit::access::EditRights::load(&ws.root);
        let mut app = App {
            ws,
            due: crate::tui::cache::Cached::default(),
            settings,
            lang,
            theme,
            keymap,
            screen: Screen::Overview,
            stack: Vec::new(),
            current: 0,
            round: None,
            round_is_default: true,
            overview: OverviewView::default(),
            register: RegisterView::default(),
            editor: EditorView::default(),
            monitoring: MonitoringView::default(),
            matrix: MatrixView::default(),
            summary: SummaryView::default(),
            changes: ChangesView::default(),
            commit: CommitView::default(),
            history: HistoryView::default(),
            modal: Modal::None,
            status: (!problems.is_empty()).then_some(Notice::Settings { problems }),
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
            rights,
            terminal_size: None,
            today: None,
        };
        // a RISKREG_TODAY that does not read is said, never silently ignored
        match crate::clock::today() {
            Ok(day) => app.today = Some(day),
            Err(why) => {
                app.status.get_or_insert(Notice::NoToday(why));
            }
        }
        app.round = app.default_round();
        app
    }

    /// Opens a registers directory with the given settings.
    pub fn open(
        root: &std::path::Path,
        settings: Settings,
        theme: Theme,
    ) -> Result<App, crate::model::Label> {
        Ok(App::new(Workspace::open(root)?, settings, theme))
    }

    /// The one place the state changes: returns the I/O the message asks
    /// for, if any (`tui::handle` performs it and hands back what it did).
    pub fn update(&mut self, msg: impl Into<Msg>) -> Option<Effect> {
        match msg.into() {
            Msg::Key(key) => self.on_key(key),
            Msg::Paste(text) => {
                self.paste(&text);
                None
            }
            Msg::Resize(w, h) => {
                self.terminal_size = Some((w, h));
                None
            }
            Msg::Action(action) => self.act(action),
            Msg::Done(done) => self.on_done(done),
            Msg::Loaded(piece) => {
                self.on_loaded(piece);
                None
            }
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

    pub(crate) fn form_ctx(&self) -> Option<Ctx<'_>> {
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
        if let Some(reason) = self.read_only() {
            self.status = Some(Notice::ReadOnly { reason });
        }
    }

    /// Why the register on screen may not be edited by this user, if so.
    pub fn read_only(&self) -> Option<String> {
        let bureau = self.register_value()?.bureau.clone();
        self.rights.check(bureau.as_str(), self.lang).err()
    }

    /// Shows another screen; Esc comes back.
    pub(crate) fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            self.stack.push(self.screen);
            self.screen = screen;
        }
    }

    pub(crate) fn back(&mut self) {
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
        self.round_is_default = false;
        if let Some(Form::Monitoring { round, .. }) = &mut self.editor.target {
            *round = ids[next].clone();
        }
    }

    /// Routes an action: a prompt on screen answers it first, then the
    /// global actions (quit, help, save, undo, language), then the conflict
    /// prompt, then navigation between screens; anything else is the screen
    /// on show's (`screens::update`). Every action clears the last notice.
    fn act(&mut self, action: Action) -> Option<Effect> {
        self.status = None;
        if self.answer(action) {
            return None;
        }
        match action {
            Action::Quit => {
                if self.ws.any_dirty() {
                    self.modal = Modal::ConfirmQuit;
                } else {
                    self.quit = true;
                }
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
        if let Some(answer) = self.answer_conflict(action) {
            return answer;
        }
        match action {
            Action::ToOverview => {
                self.stack.clear();
                self.screen = Screen::Overview;
            }
            Action::ToRegister => self.go(Screen::Register),
            Action::ToMonitoring => {
                self.monitoring.selected = 0;
                self.go(Screen::Monitoring)
            }
            Action::ToMatrix => screens::matrix::enter(self),
            Action::ToSummary => self.go(Screen::Summary),
            Action::ToChanges => {
                self.go(Screen::Changes);
                self.changes.scroll = 0;
                return self.load_changes();
            }
            Action::Commit if self.screen != Screen::Commit => {
                return screens::commit::start(self);
            }
            Action::History => return screens::history::open(self),
            Action::Back if self.screen == Screen::Register && self.register.detail_focus => {
                self.register.detail_focus = false
            }
            Action::Back => self.back(),
            Action::NextRound => self.step_round(true),
            Action::PrevRound => self.step_round(false),
            _ => return screens::update(self, action),
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
