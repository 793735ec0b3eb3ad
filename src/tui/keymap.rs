//! The key map: one table per screen, plus global keys. The same table
//! drives key handling, the key bar, the `?` help and the user guide, so
//! none of them can drift from what the keys do.

use super::action::Action;
use crate::model::Label;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::fmt;

/// Where a set of bindings applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    Overview,
    Register,
    Editor,
    Monitoring,
    Matrix,
    Summary,
    Changes,
    /// What a commit would hold, before its message is asked for.
    Commit,
    /// The commits that changed a risk or a measure.
    History,
    /// The prompt shown when a file changed on disk under a save.
    Conflict,
    /// A field both I and the version on disk changed, after a reload.
    Merge,
    /// The question before quitting with unsaved changes.
    ConfirmQuit,
    /// The question before deleting something that takes recorded results with it.
    ConfirmDelete,
    /// A one-line text box (a field, the search).
    Text,
    /// A multi-line text field (description, controls, evidence …).
    TextMultiline,
    /// A value opened selected, to be retyped (dates, months, amounts).
    Retype,
    /// The export box: a file name.
    ExportPath,
    /// A pick-list (category, ratings, response …).
    Pick,
}

impl Scope {
    pub const SCREENS: [Scope; 14] = [
        Scope::Global,
        Scope::Overview,
        Scope::Register,
        Scope::Editor,
        Scope::Monitoring,
        Scope::Matrix,
        Scope::Summary,
        Scope::Changes,
        Scope::Commit,
        Scope::History,
        Scope::Conflict,
        Scope::Merge,
        Scope::ConfirmQuit,
        Scope::ConfirmDelete,
    ];
    /// The windows that take text or a choice: keys there are text editing
    /// and choosing, not commands.
    pub const INPUTS: [Scope; 5] = [
        Scope::Text,
        Scope::TextMultiline,
        Scope::Retype,
        Scope::ExportPath,
        Scope::Pick,
    ];
    /// Every scope: the screens and prompts, then the input windows.
    pub fn all() -> impl Iterator<Item = Scope> {
        Scope::SCREENS.into_iter().chain(Scope::INPUTS)
    }
    /// Modal scopes do not fall back to the global keys.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Scope::Conflict | Scope::Merge | Scope::ConfirmQuit | Scope::ConfirmDelete
        ) || self.is_input()
    }
    pub fn is_input(self) -> bool {
        Scope::INPUTS.contains(&self)
    }
    /// Whether a key nothing takes is tried at its place on the Thai
    /// Kedmanee layout: yes where keys are commands, never in a text box,
    /// where Thai typed is text.
    pub fn reads_kedmanee(self) -> bool {
        !matches!(
            self,
            Scope::Text | Scope::TextMultiline | Scope::Retype | Scope::ExportPath
        )
    }
    /// The settings name of the scope (`Register` in `"Register.Back"`).
    pub fn name(self) -> String {
        format!("{self:?}")
    }
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::all().find(|s| s.name() == name)
    }
    /// A word the key hint of an input window carries after its first
    /// entry, for what no key stands for.
    fn note(self, lang: crate::model::Lang) -> Option<&'static str> {
        match self {
            Scope::Retype => Some(lang.pick("พิมพ์ทับค่าเดิม", "type to replace")),
            _ => None,
        }
    }
}

/// A key with its modifiers (Shift is folded into the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
    pub fn from_event(e: &KeyEvent) -> Key {
        let code = match e.code {
            // terminals send Shift-Tab as BackTab; letters come already shifted
            KeyCode::Char(c) if e.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }
    /// The key at the same place on a US keyboard, for a character the
    /// Thai Kedmanee layout types there.
    pub fn on_us_layout(self) -> Option<Key> {
        match self.code {
            KeyCode::Char(c) => Some(Key {
                code: KeyCode::Char(crate::text::kedmanee::us_key(c)?),
                ..self
            }),
            _ => None,
        }
    }
    /// Parses `ctrl-s`, `alt-x`, `enter`, `esc`, `tab`, `f2`, `a`, `?`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" | "bksp" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
        };
        Some(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    /// Shown in the key bar at the bottom (the help shows every binding).
    pub bar: bool,
}

fn b(keys: &[Key], action: Action, bar: bool) -> Binding {
    Binding {
        keys: keys.to_vec(),
        action,
        bar,
    }
}

const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const BKSP: Key = Key::plain(KeyCode::Backspace);
const CTRL_U: Key = Key::ctrl('u');

/// Moving and deleting in a text box, the same in every text scope.
fn text_edits() -> Vec<Binding> {
    use Action::*;
    vec![
        b(&[LEFT], Left, false),
        b(&[RIGHT], Right, false),
        b(&[UP], Up, false),
        b(&[DOWN], Down, false),
        b(&[Key::plain(KeyCode::Home)], LineStart, false),
        b(&[Key::plain(KeyCode::End)], LineEnd, false),
        b(&[BKSP], DeleteBack, false),
        b(&[Key::plain(KeyCode::Delete)], DeleteForward, false),
    ]
}

/// Moving in a list: arrows and vim keys.
fn list_moves() -> Vec<Binding> {
    vec![
        b(&[UP, Key::ch('k')], Action::Up, false),
        b(&[DOWN, Key::ch('j')], Action::Down, false),
        b(
            &[Key::plain(KeyCode::PageUp), Key::ctrl('b')],
            Action::PageUp,
            false,
        ),
        b(
            &[Key::plain(KeyCode::PageDown), Key::ctrl('f')],
            Action::PageDown,
            false,
        ),
        b(
            &[Key::plain(KeyCode::Home), Key::ch('g')],
            Action::Top,
            false,
        ),
        b(
            &[Key::plain(KeyCode::End), Key::ch('G')],
            Action::Bottom,
            false,
        ),
    ]
}

/// The built-in bindings of a scope.
pub fn defaults(scope: Scope) -> Vec<Binding> {
    use Action::*;
    match scope {
        Scope::Global => vec![
            b(&[Key::ch('?'), Key::plain(KeyCode::F(1))], Help, true),
            b(&[Key::ctrl('s')], Save, true),
            b(&[Key::ctrl('z'), Key::ch('u')], Undo, false),
            b(&[Key::ctrl('y'), Key::ctrl('r')], Redo, false),
            b(&[Key::ch('1')], ToOverview, false),
            b(&[Key::ch('2')], ToRegister, false),
            b(&[Key::ch('3')], ToMonitoring, false),
            b(&[Key::ch('4')], ToMatrix, false),
            b(&[Key::ch('5')], ToSummary, false),
            b(&[Key::ch('6')], ToChanges, false),
            b(&[Key::ch('L')], ToggleLang, false),
            b(&[Key::plain(KeyCode::Tab)], NextPane, false),
            b(&[Key::plain(KeyCode::BackTab)], PrevPane, false),
            b(&[ESC], Back, false),
            b(&[Key::ch('q'), Key::ctrl('c')], Quit, true),
        ],
        Scope::Overview => {
            let mut v = list_moves();
            v.extend([
                b(&[ENTER, RIGHT, Key::ch('l')], Open, true),
                b(&[Key::ch(']')], NextYear, true),
                b(&[Key::ch('[')], PrevYear, false),
                b(&[Key::ch('>')], NextRound, false),
                b(&[Key::ch('<')], PrevRound, false),
                b(&[Key::ch('m')], ToMatrix, false),
                b(&[Key::ch('o')], ToMonitoring, false),
                b(&[Key::ch('n')], NewRegister, false),
                b(&[Key::ch('c')], Commit, false),
            ]);
            v
        }
        Scope::Register => {
            let mut v = list_moves();
            v.extend([
                b(&[ENTER, RIGHT, Key::ch('l')], Open, true),
                b(&[Key::ch('/')], Search, true),
                b(&[Key::ch('s')], Sort, false),
                b(&[Key::ch('S')], SortReverse, false),
                b(&[Key::ch('f')], FilterBand, false),
                b(&[Key::ch('c')], ClearFilter, false),
                b(&[Key::ch('m')], ToMatrix, false),
                b(&[Key::ch('o')], ToMonitoring, true),
                b(&[Key::ch('p')], SignPrepared, false),
                b(&[Key::ch('H')], EditHeader, false),
                b(&[Key::ch('a')], AddRisk, false),
                b(&[Key::ch('d')], DeleteRisk, false),
                b(&[Key::ch('v')], History, false),
                b(&[Key::ch('>')], NextRound, false),
                b(&[Key::ch('<')], PrevRound, false),
                b(&[LEFT, Key::ch('h')], Back, false),
            ]);
            v
        }
        Scope::Editor => {
            let mut v = list_moves();
            v.extend([
                b(&[ENTER, Key::ch('e')], Open, true),
                b(&[LEFT, Key::ch('h')], Left, false),
                b(&[RIGHT, Key::ch('l')], Right, false),
                b(&[Key::ch('a')], AddMeasure, false),
                b(&[Key::ch('d')], DeleteMeasure, false),
                b(&[Key::ch('i')], AddIndicator, false),
                b(&[Key::ch('x')], DeleteIndicator, false),
                b(&[Key::ch('v')], History, false),
            ]);
            v
        }
        Scope::Monitoring => {
            // g and G are taken by green here: Home and End still jump
            let mut v: Vec<Binding> = list_moves()
                .into_iter()
                .map(|mut m| {
                    m.keys.retain(|k| *k != Key::ch('g') && *k != Key::ch('G'));
                    m
                })
                .collect();
            v.extend([
                b(&[ENTER, Key::ch('e')], Open, true),
                b(&[Key::ch('g')], Green, true),
                b(&[Key::ch('y')], Yellow, true),
                b(&[Key::ch('r')], Red, true),
                b(&[Key::ch('i')], CycleImplementation, true),
                b(&[Key::ch(']'), Key::ch('>')], NextRound, false),
                b(&[Key::ch('['), Key::ch('<')], PrevRound, false),
            ]);
            v
        }
        Scope::Matrix => vec![
            b(&[UP, Key::ch('k')], Up, false),
            b(&[DOWN, Key::ch('j')], Down, false),
            b(&[LEFT, Key::ch('h')], Left, false),
            b(&[RIGHT, Key::ch('l')], Right, false),
            b(&[ENTER], Open, true),
            b(&[Key::ch('t')], ToggleResidual, true),
        ],
        Scope::Summary => {
            let mut v = list_moves();
            v.extend([
                b(&[Key::ch('x')], Export, true),
                b(&[Key::ch('c')], Compare, false),
                b(&[Key::ch(']'), Key::ch('>')], NextRound, true),
                b(&[Key::ch('['), Key::ch('<')], PrevRound, false),
            ]);
            v
        }
        Scope::Changes => {
            let mut v = list_moves();
            v.push(b(&[Key::ch('c')], Commit, true));
            v
        }
        Scope::Commit => {
            let mut v = list_moves();
            v.push(b(&[ENTER, Key::ch('c')], Commit, true));
            v
        }
        Scope::History => list_moves(),
        Scope::Conflict => vec![
            b(&[Key::ch('r')], Reload, true),
            b(&[Key::ch('c')], SaveCopy, true),
            b(&[ESC, Key::ch('n')], Back, true),
        ],
        Scope::Merge => vec![
            b(&[Key::ch('m')], KeepMine, true),
            b(&[Key::ch('t')], TakeTheirs, true),
        ],
        Scope::ConfirmQuit | Scope::ConfirmDelete => vec![
            b(&[Key::ch('y')], Yes, true),
            b(&[Key::ch('n'), ESC], No, true),
        ],
        Scope::Text => {
            let mut v = vec![
                b(&[ENTER], Confirm, true),
                b(&[CTRL_U], ClearText, true),
                b(&[ESC], Cancel, true),
            ];
            v.extend(text_edits());
            v
        }
        Scope::TextMultiline => {
            let mut v = vec![
                b(&[ENTER], Confirm, true),
                // Ctrl-J where a terminal does not send Alt-Enter
                b(&[Key { alt: true, ..ENTER }, Key::ctrl('j')], NewLine, true),
                b(&[CTRL_U], ClearText, true),
                b(&[ESC], Cancel, true),
            ];
            v.extend(text_edits());
            v
        }
        Scope::Retype => {
            // Backspace on the selected value takes it whole
            let mut v = vec![
                b(&[ENTER], Confirm, true),
                b(&[BKSP, CTRL_U], ClearText, true),
                b(&[ESC], Cancel, true),
            ];
            v.extend(text_edits().into_iter().filter(|e| e.action != DeleteBack));
            v
        }
        Scope::ExportPath => {
            let mut v = vec![
                b(&[ENTER], Export, true),
                b(&[ESC], Cancel, true),
                b(&[CTRL_U], ClearText, false),
            ];
            v.extend(text_edits());
            v
        }
        Scope::Pick => vec![
            b(&[UP, Key::ch('k')], Up, false),
            b(&[DOWN, Key::ch('j')], Down, false),
            b(&[ENTER], Confirm, true),
            b(&[ESC], Cancel, true),
            // the n-th key picks the n-th option: ratings are numbered from 1
            b(
                &('1'..='9').map(Key::ch).collect::<Vec<_>>(),
                PickNumber,
                false,
            ),
        ],
    }
}

/// What a key does in a text box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKey {
    /// An action of the text scope (confirm, cancel, a move …).
    Act(Action),
    /// A character to type in.
    Type(char),
    /// Nothing.
    Ignore,
}

/// The key map in force: the defaults with the user's overrides applied.
#[derive(Clone, Debug)]
pub struct Keymap {
    scopes: BTreeMap<Scope, Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            scopes: Scope::all().map(|s| (s, defaults(s))).collect(),
        }
    }
}

impl Keymap {
    /// Applies the settings' overrides; returns what it could not use.
    ///
    /// `"Scope.Action": "keys"` sets the action's keys in that scope alone;
    /// `"Action": "keys"` in every screen and prompt that has the action
    /// (never in the text boxes and pick-lists: name those). The keys are
    /// one or more, separated by spaces (`"esc b"`). An override whose key
    /// another action of the same scope already has is refused there with
    /// a message, as is a character key in a text box (it could no longer
    /// be typed); the defaults stay for it.
    /// Each problem in English; the interface uses
    /// [`Keymap::with_overrides_said`].
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<String>) {
        let (map, problems) = Keymap::with_overrides_said(overrides);
        (map, problems.into_iter().map(|p| p.en).collect())
    }

    /// [`Keymap::with_overrides`], each problem in Thai and English.
    pub fn with_overrides_said(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<Label>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        for (name, keys) in overrides {
            match map.apply(name, keys) {
                Ok(refused) => problems.extend(refused),
                Err(problem) => problems.push(problem),
            }
        }
        (map, problems)
    }

    /// One override (see [`Keymap::with_overrides`]): the scopes where it
    /// was refused, or why it could not be read at all.
    fn apply(&mut self, name: &str, keys_text: &str) -> Result<Vec<Label>, Label> {
        let (scope, action_name) = match name.split_once('.') {
            Some((scope, action)) => {
                let scope = Scope::from_name(scope).ok_or_else(|| {
                    let known: Vec<String> = Scope::all().map(Scope::name).collect();
                    let known = known.join(", ");
                    Label::new(
                        format!(
                            "การตั้งค่า: ไม่รู้จักขอบเขต {scope:?} ใน keys {name:?} (ต้องเป็นหนึ่งใน {known})"
                        ),
                        format!(
                            "settings: unknown scope {scope:?} in keys {name:?} (one of {known})"
                        ),
                    )
                })?;
                (Some(scope), action)
            }
            None => (None, name),
        };
        let action = Action::from_name(action_name).ok_or_else(|| {
            Label::new(
                format!("การตั้งค่า: ไม่รู้จักคำสั่ง {action_name:?} ใน keys"),
                format!("settings: unknown action {action_name:?} in keys"),
            )
        })?;
        let keys = keys_text
            .split_whitespace()
            .map(|k| {
                Key::parse(k).ok_or_else(|| {
                    Label::new(
                        format!("อ่านปุ่ม {k:?} ไม่ได้"),
                        format!("cannot read key {k:?}"),
                    )
                })
            })
            .collect::<Result<Vec<Key>, Label>>()
            .and_then(|keys| match keys.is_empty() {
                true => Err(Label::new("ไม่ได้ระบุปุ่ม", "no key given")),
                false => Ok(keys),
            })
            .map_err(|e| {
                Label::new(
                    format!("การตั้งค่า: {} สำหรับ {name}", e.th),
                    format!("settings: {} for {name}", e.en),
                )
            })?;
        let scopes: Vec<Scope> = match scope {
            Some(s) => vec![s],
            None => Scope::SCREENS.to_vec(),
        };
        let has = |map: &Keymap, s: Scope| map.bindings(s).iter().any(|b| b.action == action);
        let mut refused = Vec::new();
        let mut applied = false;
        let scopes: Vec<Scope> = scopes.into_iter().filter(|&s| has(self, s)).collect();
        for s in scopes {
            match self.clash(s, action, &keys) {
                Some(why) => refused.push(Label::new(
                    format!("การตั้งค่า: {name} = {keys_text:?}: {}", why.th),
                    format!("settings: {name} = {keys_text:?}: {}", why.en),
                )),
                None => {
                    if let Some(bindings) = self.scopes.get_mut(&s) {
                        for binding in bindings.iter_mut().filter(|b| b.action == action) {
                            binding.keys.clone_from(&keys);
                        }
                    }
                    applied = true;
                }
            }
        }
        if !applied && refused.is_empty() {
            let action = action.name();
            return Err(match scope {
                Some(s) => Label::new(
                    format!("การตั้งค่า: {} ไม่มี {action} ให้เปลี่ยนปุ่ม", s.name()),
                    format!("settings: {} has no {action} to rebind", s.name()),
                ),
                None => Label::new(
                    format!(
                        "การตั้งค่า: {action} มีเฉพาะในช่องข้อความและรายการให้เลือก ให้ระบุขอบเขต เช่น \"Text.{action}\""
                    ),
                    format!(
                        "settings: {action} is only in text boxes and pick-lists: name the scope, e.g. \"Text.{action}\""
                    ),
                ),
            });
        }
        Ok(refused)
    }

    /// Why `keys` cannot be `action`'s in `scope`, if they cannot.
    fn clash(&self, scope: Scope, action: Action, keys: &[Key]) -> Option<Label> {
        for key in keys {
            let typed = matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt;
            if typed && !scope.reads_kedmanee() {
                return Some(Label::new(
                    format!(
                        "{key} เป็นตัวอักษรที่พิมพ์ใน {} จึงใช้เป็นปุ่มคำสั่งที่นั่นไม่ได้",
                        scope.name()
                    ),
                    format!(
                        "{key} is typed in {}, so it cannot be a key there",
                        scope.name()
                    ),
                ));
            }
            if let Some(other) = self
                .bindings(scope)
                .iter()
                .find(|b| b.action != action && b.keys.contains(key))
            {
                let (other, scope) = (other.action.name(), scope.name());
                return Some(Label::new(
                    format!("{key} เป็นปุ่มของ {other} ใน {scope} อยู่แล้ว"),
                    format!("{key} is already {other} in {scope}"),
                ));
            }
        }
        None
    }

    pub fn bindings(&self, scope: Scope) -> &[Binding] {
        self.scopes.get(&scope).map_or(&[], Vec::as_slice)
    }

    /// The screen's own bindings first, then the global ones (except in
    /// modals); a key nothing takes is tried as the US key at its place on
    /// the Thai Kedmanee layout (`ๆ` is `q`), see [`crate::text::kedmanee`].
    /// Text boxes never read the layout: Thai typed there is text.
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Action> {
        self.lookup_nth(scope, key).map(|(action, _)| action)
    }

    /// The action of a key and which of the binding's keys it is (the
    /// pick-list's n-th number key picks the n-th option).
    pub fn lookup_nth(&self, scope: Scope, key: Key) -> Option<(Action, usize)> {
        self.lookup_as_is(scope, key).or_else(|| {
            if scope.reads_kedmanee() {
                self.lookup_as_is(scope, key.on_us_layout()?)
            } else {
                None
            }
        })
    }

    fn lookup_as_is(&self, scope: Scope, key: Key) -> Option<(Action, usize)> {
        let own = self.bindings(scope).iter();
        let global = if scope.is_modal() {
            [].iter()
        } else {
            self.bindings(Scope::Global).iter()
        };
        own.chain(global)
            .find_map(|b| Some((b.action, b.keys.iter().position(|k| *k == key)?)))
    }

    /// A key in a text box: its binding in the scope; else, for a key the
    /// table does not name with these modifiers, the key without them (a
    /// Ctrl-Enter confirms, a Ctrl-← moves); else a character to type in
    /// (any character without Ctrl, Thai and Alt-typed included).
    pub fn text_key(&self, scope: Scope, key: Key) -> TextKey {
        let is_char = matches!(key.code, KeyCode::Char(_));
        let mut tries = vec![key, Key { alt: false, ..key }];
        if !is_char {
            tries.push(Key { ctrl: false, ..key });
            tries.push(Key::plain(key.code));
        }
        if let Some(action) = tries.into_iter().find_map(|k| self.lookup(scope, k)) {
            return TextKey::Act(action);
        }
        match key.code {
            KeyCode::Char(c) if !key.ctrl => TextKey::Type(c),
            _ => TextKey::Ignore,
        }
    }

    /// The key hint of an input window, from its bar bindings:
    /// ` Enter ok · Ctrl-U clear · Esc cancel `.
    pub fn hint(&self, scope: Scope, lang: crate::model::Lang) -> String {
        let mut parts: Vec<String> = self
            .bar(scope)
            .iter()
            .map(|b| format!("{} {}", keys_text(b), b.action.bar_label(lang)))
            .collect();
        if let Some(note) = scope.note(lang) {
            parts.insert(1.min(parts.len()), note.to_string());
        }
        format!(" {} ", parts.join(" · "))
    }

    /// What the help lists for a screen: its bindings, then the global ones
    /// it does not shadow (with only the keys that still reach them).
    pub fn help(&self, scope: Scope) -> Vec<Binding> {
        let own = self.bindings(scope);
        let mut out = own.to_vec();
        if scope.is_modal() {
            return out;
        }
        for g in self.bindings(Scope::Global) {
            let live: Vec<Key> = g
                .keys
                .iter()
                .copied()
                .filter(|k| !own.iter().any(|o| o.keys.contains(k)))
                .collect();
            if !live.is_empty() {
                out.push(Binding {
                    keys: live,
                    ..g.clone()
                });
            }
        }
        out
    }

    /// The key bar: the screen's bar entries, then the global ones.
    pub fn bar(&self, scope: Scope) -> Vec<Binding> {
        self.help(scope).into_iter().filter(|b| b.bar).collect()
    }
}

/// The keys of a binding as shown to people: `↑/k`.
pub fn keys_text(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

/// The key table of a scope as Markdown, for the user guide (a test keeps
/// the guide equal to this).
pub fn markdown(map: &Keymap, scope: Scope) -> String {
    use crate::model::Lang;
    let mut out =
        String::from("| Keys | Action | ภาษาไทย | Settings name |\n| --- | --- | --- | --- |\n");
    for b in map.help(scope) {
        let keys = b
            .keys
            .iter()
            .map(|k| format!("`{}`", k.to_string().replace('|', "\\|")))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "| {keys} | {} | {} | `{}` |\n",
            b.action.label(Lang::En),
            b.action.label(Lang::Th),
            b.action.name()
        ));
    }
    out
}
