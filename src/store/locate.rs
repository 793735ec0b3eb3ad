//! Finds where a value sits in a RON file, so that problems found after
//! parsing (an out-of-scale likelihood, a duplicate id) are reported at their
//! line and column like syntax errors are.
//!
//! It is a small structural scan, not a parser: it tracks brackets, field
//! names and element indexes, and records the position of every value under
//! a path like `risks[2].measures[0].monitoring[1].status`. Newtype-like
//! wrappers (`Some(x)`, `Accept("…")`, `Bureaus([…])`) are transparent: their
//! single value has the wrapper's own path.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Positions of values by logical path.
#[derive(Debug, Default)]
pub struct SourceMap {
    positions: HashMap<String, (usize, usize)>,
    /// Bracketed values: path, opening and closing positions.
    containers: Vec<(String, Pos, Pos)>,
}

/// 1-based line and column.
type Pos = (usize, usize);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paren,
    Bracket,
    Brace,
}

struct Frame<'a> {
    kind: Kind,
    opened: (usize, usize),
    base: String,
    index: usize,
    key: Option<Cow<'a, str>>,
    has_keys: bool,
}

impl Frame<'_> {
    /// Writes the path of the value at the frame's current place into `out`
    /// (cleared first): one buffer reused for every value of the file.
    fn value_path_into(&self, out: &mut String) {
        use std::fmt::Write;
        out.clear();
        out.push_str(&self.base);
        match (&self.key, self.kind) {
            (Some(k), Kind::Paren) => {
                if !self.base.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            (Some(k), _) => {
                let _ = write!(out, "[{:?}]", k.as_ref());
            }
            (None, Kind::Paren) if !self.has_keys && self.index == 0 => {}
            (None, _) => {
                let _ = write!(out, "[{}]", self.index);
            }
        }
    }
}

/// Walks the text by byte offset, decoding characters as it goes: a file of
/// 200 kB is scanned without first copying it into a vector of characters.
struct Scanner<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    pos: usize,
    line: usize,
    col: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            line: 1,
            col: 1,
        }
    }
    fn peek(&self) -> Option<char> {
        // most of a register is ASCII: no decoding for it
        match self.text.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text[self.pos..].chars().next(),
            None => None,
        }
    }
    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.text[self.pos..].chars().nth(ahead)
    }
    /// The byte after the next one, when the next is ASCII (comment starts).
    fn second_byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos + 1).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }
    fn skip_trivia(&mut self) {
        loop {
            // indentation is a large share of a canonical file: skip ASCII
            // blanks a byte at a time
            while let Some(&b) = self.text.as_bytes().get(self.pos) {
                match b {
                    b'\n' => {
                        self.line += 1;
                        self.col = 1;
                    }
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => self.col += 1,
                    _ => break,
                }
                self.pos += 1;
            }
            let next = self.peek();
            let second = if next == Some('/') {
                self.second_byte()
            } else {
                None
            };
            match (next, second) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some(b'/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some(b'*')) => {
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            _ => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }
    /// Skips a quoted string starting at `"`, returning its (unescaped)
    /// content when `keep` (only map keys need it).
    fn string(&mut self, keep: bool) -> String {
        let mut out = String::new();
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    if let Some(n) = self.bump()
                        && keep
                    {
                        out.push(n);
                    }
                }
                '"' => break,
                _ if keep => out.push(c),
                _ => {}
            }
        }
        out
    }
    /// Skips a raw string starting at `r`, `r#…`.
    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // "
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                for i in 0..hashes {
                    if self.peek_at(i) != Some('#') {
                        continue 'outer;
                    }
                }
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }
    /// Skips a character literal starting at `'`.
    fn char_literal(&mut self) {
        self.bump();
        while let Some(ch) = self.bump() {
            if ch == '\\' {
                self.bump();
            } else if ch == '\'' {
                break;
            }
        }
    }
    fn word(&mut self) -> &'a str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-' | '#') {
                self.bump();
            } else {
                break;
            }
        }
        &self.text[start..self.pos]
    }
    fn is_raw_string_start(&self) -> bool {
        if self.peek() != Some('r') {
            return false;
        }
        let mut i = 1;
        while self.peek_at(i) == Some('#') {
            i += 1;
        }
        self.peek_at(i) == Some('"')
    }
}

/// Registers nest about ten levels; past this, paths are not recorded.
const MAX_DEPTH: usize = 64;

/// Which paths a scan records.
enum Wanted<'w> {
    /// Every value and every bracketed value (for parse errors).
    All,
    /// Only these paths (the findings' paths and their ancestors).
    Only(HashSet<&'w str>),
}

impl SourceMap {
    fn record(&mut self, wanted: &Wanted<'_>, deep: bool, path: &str, at: (usize, usize)) {
        let keep = !deep
            && match wanted {
                Wanted::All => true,
                Wanted::Only(set) => set.contains(path),
            };
        if keep && !self.positions.contains_key(path) {
            self.positions.insert(path.to_string(), at);
        }
    }

    /// Indexes `text`. Never fails: on malformed input it indexes what it can.
    pub fn build(text: &str) -> SourceMap {
        Self::scan(text, &Wanted::All)
    }

    /// Indexes only what is needed to [`locate`](Self::locate) `paths` in
    /// `text`: the same positions as [`build`](Self::build) for them, at a
    /// fraction of the cost on a large file with few findings.
    pub fn for_paths<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> SourceMap {
        let mut set = HashSet::new();
        set.insert("");
        for path in paths {
            // each ancestor too: locate falls back to the nearest one in the file
            let mut p = path;
            while set.insert(p) {
                match p.rfind(['.', '[']) {
                    Some(i) => p = &p[..i],
                    None => break,
                }
            }
        }
        Self::scan(text, &Wanted::Only(set))
    }

    fn scan(text: &str, wanted: &Wanted<'_>) -> SourceMap {
        let mut map = SourceMap::default();
        let mut s = Scanner::new(text);
        let mut stack: Vec<Frame<'_>> = Vec::new();
        // the path the next opening bracket belongs to, when a name preceded it
        let mut named_value: Option<String> = None;
        // the path of the value being looked at, rebuilt in place for each
        let mut path = String::new();
        loop {
            s.skip_trivia();
            let Some(c) = s.peek() else { break };
            let here = (s.line, s.col);
            // deeper than any register goes: keep matching brackets but stop
            // building paths, whose length would grow with the depth
            let deep = stack.len() >= MAX_DEPTH;
            let current_path = |out: &mut String| match stack.last() {
                Some(f) if !deep => f.value_path_into(out),
                _ => out.clear(),
            };
            match c {
                '(' | '[' | '{' => {
                    let base = match named_value.take() {
                        Some(p) => p,
                        None => {
                            current_path(&mut path);
                            map.record(wanted, deep, &path, here);
                            path.clone()
                        }
                    };
                    s.bump();
                    let kind = match c {
                        '(' => Kind::Paren,
                        '[' => Kind::Bracket,
                        _ => Kind::Brace,
                    };
                    stack.push(Frame {
                        kind,
                        opened: here,
                        base,
                        index: 0,
                        key: None,
                        has_keys: false,
                    });
                }
                ')' | ']' | '}' => {
                    s.bump();
                    if let Some(f) = stack.pop()
                        && matches!(wanted, Wanted::All)
                    {
                        map.containers.push((f.base, f.opened, here));
                    }
                    named_value = None;
                }
                ',' => {
                    s.bump();
                    if let Some(f) = stack.last_mut() {
                        f.index += 1;
                        f.key = None;
                    }
                    named_value = None;
                }
                ':' => {
                    s.bump();
                }
                '"' => {
                    current_path(&mut path);
                    let in_map = stack.last().is_some_and(|f| f.kind == Kind::Brace);
                    let content = s.string(in_map);
                    s.skip_trivia();
                    if in_map && s.peek() == Some(':') {
                        if let Some(f) = stack.last_mut() {
                            f.key = Some(Cow::Owned(content));
                        }
                    } else {
                        map.record(wanted, deep, &path, here);
                    }
                }
                _ if s.is_raw_string_start() => {
                    current_path(&mut path);
                    s.raw_string();
                    map.record(wanted, deep, &path, here);
                }
                '\'' => {
                    current_path(&mut path);
                    s.char_literal();
                    map.record(wanted, deep, &path, here);
                }
                _ => {
                    let word = s.word();
                    if word.is_empty() {
                        s.bump(); // a character we do not understand: step over it
                        continue;
                    }
                    s.skip_trivia();
                    match s.peek() {
                        Some(':') if stack.last().is_some_and(|f| f.kind == Kind::Paren) => {
                            if let Some(f) = stack.last_mut() {
                                f.key = Some(Cow::Borrowed(word));
                                f.has_keys = true;
                            }
                        }
                        Some('(') => {
                            current_path(&mut path);
                            map.record(wanted, deep, &path, here);
                            named_value = Some(path.clone());
                        }
                        _ => {
                            current_path(&mut path);
                            map.record(wanted, deep, &path, here);
                        }
                    }
                }
            }
        }
        map
    }

    /// The line and column of the value at `path`, or of its nearest
    /// ancestor that is in the file (a field left to its default is not).
    pub fn locate(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&pos) = self.positions.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.positions.get("").copied().unwrap_or((1, 1)),
            }
        }
    }

    pub fn get(&self, path: &str) -> Option<(usize, usize)> {
        self.positions.get(path).copied()
    }

    /// The path of the value a parse error at `(line, col)` is about: the
    /// value starting next on that line (ron reports the position just before
    /// a bad value), or the last one before it on that line, or else the innermost bracketed value around it (for a
    /// misspelt or missing field, the struct it belongs to).
    pub fn path_at(&self, line: usize, col: usize) -> Option<&str> {
        let same_line = || self.positions.iter().filter(|(_, (l, _))| *l == line);
        let after = same_line()
            .filter(|(_, (_, c))| *c >= col)
            .min_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.len().cmp(&a.0.len())));
        let before = || {
            same_line()
                .filter(|(_, (_, c))| *c < col)
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.len().cmp(&b.0.len())))
        };
        let on_line = after.or_else(before).map(|(path, _)| path.as_str());
        let around = || {
            self.containers
                .iter()
                .filter(|(_, open, close)| *open <= (line, col) && (line, col) <= *close)
                .max_by_key(|(_, open, _)| *open)
                .map(|(path, _, _)| path.as_str())
        };
        on_line.or_else(around).filter(|p| !p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r##"Register(
    bureau: "FIN",
    // a comment with ( brackets [
    prepared_by: Some(Signature(
        name: "นางสาว ก",
        date: "2567-01-12",
    )),
    risks: [
        Risk(
            id: "FIN-R1",
            inherent: Rating(likelihood: 3, impact: 4),
            response: Accept(r#"เหตุผล "quoted""#),
            measures: [
                Measure(
                    co_responsible: Bureaus([
                        "ICT",
                        "PLAN",
                    ]),
                    value: Fraction(654, 662),
                    map: { "low": "medium" },
                ),
            ],
        ),
    ],
)
"##;

    #[test]
    fn finds_fields_elements_and_wrapped_values() {
        let m = SourceMap::build(SAMPLE);
        assert_eq!(m.get(""), Some((1, 1)));
        assert_eq!(m.get("bureau"), Some((2, 13)));
        assert_eq!(m.get("prepared_by"), Some((4, 18)));
        assert_eq!(m.get("prepared_by.name"), Some((5, 15)));
        assert_eq!(m.get("risks[0].id"), Some((10, 17)));
        assert_eq!(m.get("risks[0].inherent.impact"), Some((11, 53)));
        assert_eq!(m.get("risks[0].response"), Some((12, 23)));
        assert_eq!(
            m.get("risks[0].measures[0].co_responsible[1]"),
            Some((17, 25))
        );
        assert_eq!(m.get("risks[0].measures[0].value[1]"), Some((19, 42)));
        assert_eq!(m.get("risks[0].measures[0].map[\"low\"]"), Some((20, 35)));
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        let m = SourceMap::build(SAMPLE);
        assert_eq!(m.locate("risks[0].residual"), m.get("risks[0]").unwrap());
        assert_eq!(
            m.locate("risks[0].measures[0].monitoring[3].status"),
            (14, 17)
        );
    }

    #[test]
    fn for_paths_places_each_path_where_build_does() {
        let full = SourceMap::build(SAMPLE);
        let mut paths: Vec<&str> = full.positions.keys().map(String::as_str).collect();
        // paths not in the file fall back to their nearest ancestor alike
        paths.extend([
            "risks[0].residual",
            "risks[0].measures[0].monitoring[3].status",
            "x",
        ]);
        for p in &paths {
            let one = SourceMap::for_paths(SAMPLE, [*p]);
            assert_eq!(one.locate(p), full.locate(p), "{p}");
        }
        let all = SourceMap::for_paths(SAMPLE, paths.iter().copied());
        for p in &paths {
            assert_eq!(all.locate(p), full.locate(p), "{p}");
        }
        // it records what was asked for, not every value of the file
        let few = SourceMap::for_paths(SAMPLE, ["risks[0].inherent.impact"]);
        assert_eq!(few.get("bureau"), None);
        assert_eq!(few.get("risks[0].inherent.impact"), Some((11, 53)));
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "",
            "(((",
            "]]]",
            "\"unterminated",
            "r#\"x",
            "Register(a: /* open",
            "'",
        ] {
            let _ = SourceMap::build(text).locate("a.b[3]");
        }
    }
}

/// The position of the first comment in `text`, if it has one. `fmt` and
/// saves rewrite files from the model, and RON comments are not in the
/// model, so a file with comments must not be rewritten silently.
pub fn first_comment(text: &str) -> Option<(usize, usize)> {
    let mut s = Scanner::new(text);
    while let Some(c) = s.peek() {
        match c {
            '/' if matches!(s.peek_at(1), Some('/') | Some('*')) => return Some((s.line, s.col)),
            '"' => {
                s.string(false);
            }
            _ if s.is_raw_string_start() => s.raw_string(),
            '\'' => s.char_literal(),
            _ => {
                s.bump();
            }
        }
    }
    None
}

#[cfg(test)]
mod comment_tests {
    use super::first_comment;

    #[test]
    fn finds_comments_but_not_slashes_in_strings() {
        assert_eq!(first_comment("(a: \"http://x\", b: r#\"//\"#)"), None);
        assert_eq!(first_comment("(a: 1, // why\n)"), Some((1, 8)));
        assert_eq!(first_comment("(\n  /* block */ a: 1)"), Some((2, 3)));
    }
}
