//! The key map: one table per screen, plus global keys. The same table
//! drives key handling, the key bar, the `?` help and the user guide, so
//! none of them can drift from what the keys do.

use super::action::Action;
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
    /// The prompt shown when a file changed on disk under a save.
    Conflict,
    /// A field both I and the version on disk changed, after a reload.
    Merge,
    /// The question before quitting with unsaved changes.
    ConfirmQuit,
    /// The question before deleting something that takes recorded results with it.
    ConfirmDelete,
}

impl Scope {
    pub const SCREENS: [Scope; 12] = [
        Scope::Global,
        Scope::Overview,
        Scope::Register,
        Scope::Editor,
        Scope::Monitoring,
        Scope::Matrix,
        Scope::Summary,
        Scope::Changes,
        Scope::Conflict,
        Scope::Merge,
        Scope::ConfirmQuit,
        Scope::ConfirmDelete,
    ];
    /// Modal scopes do not fall back to the global keys.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Scope::Conflict | Scope::Merge | Scope::ConfirmQuit | Scope::ConfirmDelete
        )
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
        Scope::Changes => list_moves(),
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
    }
}

/// The key map in force: the defaults with the user's overrides applied.
#[derive(Clone, Debug)]
pub struct Keymap {
    scopes: BTreeMap<Scope, Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            scopes: Scope::SCREENS.iter().map(|&s| (s, defaults(s))).collect(),
        }
    }
}

impl Keymap {
    /// Applies `Action name → key` overrides; returns what it could not use.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> (Keymap, Vec<String>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        for (name, key) in overrides {
            let Some(action) = Action::from_name(name) else {
                problems.push(format!("settings: unknown action {name:?} in keys"));
                continue;
            };
            let Some(key) = Key::parse(key) else {
                problems.push(format!("settings: cannot read key {key:?} for {name}"));
                continue;
            };
            for bindings in map.scopes.values_mut() {
                for binding in bindings.iter_mut().filter(|b| b.action == action) {
                    binding.keys = vec![key];
                }
            }
        }
        (map, problems)
    }

    pub fn bindings(&self, scope: Scope) -> &[Binding] {
        self.scopes.get(&scope).map_or(&[], Vec::as_slice)
    }

    /// The screen's own bindings first, then the global ones (except in
    /// modals); a key nothing takes is tried as the US key at its place on
    /// the Thai Kedmanee layout (`ๆ` is `q`), see [`crate::text::kedmanee`].
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Action> {
        self.lookup_as_is(scope, key)
            .or_else(|| self.lookup_as_is(scope, key.on_us_layout()?))
    }

    fn lookup_as_is(&self, scope: Scope, key: Key) -> Option<Action> {
        let own = self.bindings(scope).iter();
        let global = if scope.is_modal() {
            [].iter()
        } else {
            self.bindings(Scope::Global).iter()
        };
        own.chain(global)
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
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
