//! Text editing by grapheme cluster, so that a Thai consonant with its vowel
//! and tone marks (e.g. "ที่") moves and deletes as one character, and the
//! cursor's screen column counts wide and zero-width characters right.

use super::action::Action;
use super::keymap::Scope;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A text being edited; the cursor is a byte offset on a grapheme boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    text: String,
    cursor: usize,
    pub multiline: bool,
    /// The whole text is selected: typing or pasting replaces it, Backspace
    /// and Delete clear it, a move keeps it (as a spreadsheet cell does).
    selected: bool,
}

impl TextEdit {
    pub fn new(text: &str, multiline: bool) -> Self {
        TextEdit {
            text: text.to_string(),
            cursor: text.len(),
            multiline,
            selected: false,
        }
    }
    /// Opens `text` selected whole, for values one retypes rather than
    /// edits (amounts, dates): typing `12,000` over `0.00` gives `12,000`.
    pub fn selected(text: &str) -> Self {
        TextEdit {
            selected: !text.is_empty(),
            ..TextEdit::new(text, false)
        }
    }
    pub fn is_selected(&self) -> bool {
        self.selected
    }
    /// Drops a selection by replacing the text with nothing.
    fn take_selection(&mut self) -> bool {
        let was = std::mem::take(&mut self.selected);
        if was {
            self.text.clear();
            self.cursor = 0;
        }
        was
    }
    /// Ends a selection, keeping the text (a cursor move).
    fn deselect(&mut self) {
        self.selected = false;
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' && !self.multiline {
            return;
        }
        self.take_selection();
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // a combining mark joins the cluster before it: keep the cursor after
        // the whole cluster, never inside it
        self.cursor = self.next_boundary_at_or_after(self.cursor);
    }
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(c);
        }
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }
    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }
    fn next_boundary_at_or_after(&self, at: usize) -> usize {
        let mut pos = 0;
        for g in self.text.graphemes(true) {
            if pos >= at {
                return pos;
            }
            pos += g.len();
        }
        pos
    }

    /// Removes the last character typed, as Thai input does everywhere:
    /// the last code point of the cluster before the cursor (ที่ → ที,
    /// น้ำ → น้), or the whole cluster where a code point alone means nothing
    /// (a line break `\r\n`, an emoji sequence). The cursor stays on a
    /// cluster boundary.
    pub fn backspace(&mut self) {
        if self.take_selection() {
            return;
        }
        let Some(start) = self.prev_boundary() else {
            return;
        };
        let from = match backspace_removes(&self.text[start..self.cursor]) {
            Some(len) => self.cursor - len,
            None => start,
        };
        self.text.replace_range(from..self.cursor, "");
        self.cursor = self.next_boundary_at_or_after(from);
    }
    pub fn delete(&mut self) {
        if self.take_selection() {
            return;
        }
        if let Some(end) = self.next_boundary() {
            self.text.replace_range(self.cursor..end, "");
        }
    }
    pub fn left(&mut self) {
        self.deselect();
        if let Some(p) = self.prev_boundary() {
            self.cursor = p;
        }
    }
    pub fn right(&mut self) {
        self.deselect();
        if let Some(n) = self.next_boundary() {
            self.cursor = n;
        }
    }
    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }
    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }
    pub fn home(&mut self) {
        self.deselect();
        self.cursor = self.line_start();
    }
    pub fn end(&mut self) {
        self.deselect();
        self.cursor = self.line_end();
    }
    /// The byte offset in `line` at display column `col` (or its end).
    fn offset_at_column(line: &str, col: usize) -> usize {
        let mut width = 0;
        for (i, g) in line.grapheme_indices(true) {
            if width >= col {
                return i;
            }
            width += g.width();
        }
        line.len()
    }
    pub fn up(&mut self) {
        self.deselect();
        let start = self.line_start();
        if start == 0 {
            return;
        }
        let col = self.text[start..self.cursor].width();
        let prev_start = self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let prev = &self.text[prev_start..start - 1];
        self.cursor = prev_start + Self::offset_at_column(prev, col);
    }
    pub fn down(&mut self) {
        self.deselect();
        let end = self.line_end();
        if end == self.text.len() {
            return;
        }
        let col = self.text[self.line_start()..self.cursor].width();
        let next_start = end + 1;
        let next_end = self.text[next_start..]
            .find('\n')
            .map_or(self.text.len(), |i| next_start + i);
        self.cursor = next_start + Self::offset_at_column(&self.text[next_start..next_end], col);
    }

    /// The key scope of the box: multi-line, a value to retype, or one line.
    pub fn scope(&self) -> Scope {
        if self.multiline {
            Scope::TextMultiline
        } else if self.selected {
            Scope::Retype
        } else {
            Scope::Text
        }
    }

    /// Carries out an editing action of the key table; false for an action
    /// that is not editing (confirm, cancel), left to the window.
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::NewLine => self.insert('\n'),
            Action::ClearText => *self = TextEdit::new("", self.multiline),
            Action::DeleteBack => self.backspace(),
            Action::DeleteForward => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Up => self.up(),
            Action::Down => self.down(),
            Action::LineStart => self.home(),
            Action::LineEnd => self.end(),
            _ => return false,
        }
        true
    }

    /// The cursor's line (0-based) and display column.
    pub fn cursor_position(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let col = before[self.line_start()..].width();
        (line, col)
    }
}

impl TextEdit {
    /// The text broken into screen rows of at most `width` cells, between
    /// words as everywhere on screen ([`crate::text::wrap::rows`]), and the
    /// cursor's row and cell among them. A row keeps its trailing spaces, so
    /// the cursor after a typed space is drawn after it; at a soft break it
    /// is drawn at the start of the next row.
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let ranges = crate::text::wrap::rows(&self.text, width.max(2));
        // the last row starting at or before the cursor holds it
        let at = ranges
            .iter()
            .rposition(|r| r.start <= self.cursor)
            .unwrap_or(0);
        let col = ranges.get(at).map_or(0, |r| {
            self.text[r.start..self.cursor.min(r.end).max(r.start)].width()
        });
        let rows = ranges
            .into_iter()
            .map(|r| self.text[r].to_string())
            .collect();
        (rows, (at, col))
    }
}

/// How many bytes Backspace takes off the end of `cluster`: its last code
/// point, or `None` for the whole cluster when it is a line break or an
/// emoji sequence (a skin tone or a joiner left behind would mean nothing).
fn backspace_removes(cluster: &str) -> Option<usize> {
    let last = cluster.chars().next_back()?;
    let emoji = |c: char| {
        matches!(
            c,
            '\u{200D}' | '\u{FE0F}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}'
        ) || c >= '\u{1F000}'
    };
    if cluster == "\r\n" || cluster.chars().any(emoji) {
        None
    } else {
        Some(last.len_utf8())
    }
}

/// Cuts `s` to at most `width` columns by whole grapheme clusters, with `…`
/// when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_by_cluster_and_delete_removes_a_cluster() {
        // "ที่" is ท + ี + ่: one cluster, one column
        let mut e = TextEdit::new("การที่", false);
        assert_eq!(e.cursor_position(), (0, 4));
        e.left();
        assert_eq!(e.cursor_position(), (0, 3));
        e.delete();
        assert_eq!(e.text(), "การ");
        e.left();
        e.left();
        assert_eq!(e.cursor_position(), (0, 1));
        e.delete();
        assert_eq!(e.text(), "กร");
    }

    #[test]
    fn backspace_removes_the_last_character_typed_not_the_cluster() {
        let mut e = TextEdit::new("การที่", false);
        e.backspace();
        assert_eq!(e.text(), "การที");
        assert_eq!(e.cursor(), e.text().len());
        e.backspace();
        assert_eq!(e.text(), "การท");
        e.backspace();
        assert_eq!(e.text(), "การ");
        // after typing จ้, Backspace takes the tone mark and keeps the consonant
        let mut e = TextEdit::new("", false);
        e.insert_str("จ้");
        e.backspace();
        assert_eq!(e.text(), "จ");
        // inside the text: the cluster before the cursor, the rest untouched
        let mut e = TextEdit::new("ที่นี่", false);
        e.home();
        e.right();
        e.backspace();
        assert_eq!(e.text(), "ทีนี่");
        assert_eq!(&e.text()[..e.cursor()], "ที");
    }

    #[test]
    fn backspace_takes_a_line_break_or_an_emoji_whole() {
        let mut e = TextEdit::new("a\r\n", true);
        e.backspace();
        assert_eq!(e.text(), "a");
        let mut e = TextEdit::new("ok👍🏽", false);
        e.backspace();
        assert_eq!(e.text(), "ok");
    }

    #[test]
    fn sara_am_and_tone_marks_never_split() {
        // "น้ำ" = น + ้ + ำ: a single grapheme in extended clusters, drawn in
        // two columns (ำ is a spacing vowel: ํ over น, then า)
        let mut e = TextEdit::new("น้ำดี", false);
        e.home();
        e.right();
        assert_eq!(&e.text()[..e.cursor()], "น้ำ");
        assert_eq!(e.cursor_position(), (0, 2));
        e.delete();
        assert_eq!(e.text(), "น้ำ", "Delete takes the cluster after: ดี");
        e.backspace();
        assert_eq!(e.text(), "น้", "Backspace takes ำ alone");
        e.insert('ำ');
        assert_eq!(e.text(), "น้ำ");
        assert_eq!(e.cursor_position(), (0, 2), "ำ joins its cluster");
        e.left();
        assert_eq!(e.cursor(), 0, "one step back over the whole of น้ำ");
        // a row with one column left sends น้ำ whole to the next row
        let e = TextEdit::new("กขน้ำ", false);
        let (rows, _) = e.layout(3);
        assert_eq!(rows, vec!["กข", "น้ำ"]);
        assert_eq!(truncate("น้ำตก", 3), "น้ำ…");
    }

    use proptest::prelude::*;

    /// Thai letters, vowels, tone marks (ำ among them), digits and Latin.
    fn typed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{0E01}', '\u{0E3A}'),
                proptest::char::range('\u{0E40}', '\u{0E4E}'),
                proptest::char::range('a', 'z'),
            ],
            0..24,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn backspace_undoes_the_last_character_typed(s in typed_text(), c in proptest::char::range('\u{0E01}', '\u{0E4E}')) {
            let mut e = TextEdit::new("", false);
            e.insert_str(&s);
            let before = e.text().to_string();
            e.insert(c);
            e.backspace();
            prop_assert_eq!(e.text(), before.as_str());
            prop_assert_eq!(e.cursor(), e.text().len());
        }

        #[test]
        fn the_cursor_stays_on_a_cluster_boundary(
            s in typed_text(),
            keys in proptest::collection::vec(0u8..6, 0..30),
        ) {
            let mut e = TextEdit::new(&s, false);
            for k in keys {
                match k {
                    0 => e.backspace(),
                    1 => e.delete(),
                    2 => e.left(),
                    3 => e.right(),
                    4 => e.home(),
                    _ => e.insert('ำ'),
                }
                let at = e.cursor();
                prop_assert!(e.text().is_char_boundary(at));
                let boundaries: Vec<usize> = e
                    .text()
                    .grapheme_indices(true)
                    .map(|(i, _)| i)
                    .chain([e.text().len()])
                    .collect();
                prop_assert!(boundaries.contains(&at), "{:?} at {}", e.text(), at);
            }
        }

        #[test]
        fn backspacing_every_character_empties_the_text(s in typed_text()) {
            let mut e = TextEdit::new(&s, false);
            for _ in 0..s.chars().count() {
                e.backspace();
            }
            prop_assert_eq!(e.text(), "");
        }
    }

    #[test]
    fn typing_a_combining_mark_joins_the_cluster_before_it() {
        let mut e = TextEdit::new("", false);
        e.insert_str("ก");
        e.insert('่');
        e.insert_str("า");
        assert_eq!(e.text(), "ก่า");
        e.left();
        assert_eq!(&e.text()[..e.cursor()], "ก่");
        assert_eq!(e.cursor_position(), (0, 1));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let e = TextEdit::new("日本", false);
        assert_eq!(e.cursor_position(), (0, 4));
    }

    #[test]
    fn multiline_up_down_keep_the_column() {
        let mut e = TextEdit::new("ความเสี่ยง\nabcdefgh", true);
        e.up();
        assert_eq!(e.cursor_position().0, 0);
        e.down();
        assert_eq!(e.cursor_position().0, 1);
        let mut single = TextEdit::new("a", false);
        single.insert('\n');
        assert_eq!(single.text(), "a");
    }

    #[test]
    fn layout_wraps_by_columns_and_places_the_cursor() {
        let e = TextEdit::new("กขคงจฉ\nab", true);
        let (rows, cursor) = e.layout(4);
        assert_eq!(rows, vec!["กขคง", "จฉ", "ab"]);
        assert_eq!(cursor, (2, 2));
        let mut e = TextEdit::new("ที่นี่", false);
        e.home();
        e.right();
        let (rows, cursor) = e.layout(10);
        assert_eq!(rows, vec!["ที่นี่"]);
        assert_eq!(cursor, (0, 1), "after one cluster: one column");
    }

    #[test]
    fn a_selected_value_is_replaced_by_typing_and_kept_by_a_move() {
        let mut e = TextEdit::selected("0.00");
        assert!(e.is_selected());
        e.insert_str("12,000");
        assert_eq!(e.text(), "12,000");
        assert!(!e.is_selected());
        let mut e = TextEdit::selected("2567-04-30");
        e.backspace();
        assert_eq!(e.text(), "");
        let mut e = TextEdit::selected("2567-04-30");
        e.left();
        e.insert('1');
        assert_eq!(e.text(), "2567-04-310", "after a move typing inserts");
        let mut e = TextEdit::selected("5.00");
        e.home();
        e.delete();
        assert_eq!(e.text(), ".00");
    }

    /// Seen in the multi-line edit window: "เบิกจ่า|ย", a word cut before
    /// its last letter. Rows now break between words, and the cursor is
    /// found on the row and cell where its cluster was drawn.
    #[test]
    fn layout_breaks_between_words_and_follows_the_cursor() {
        let text = "การเบิกจ่ายเงินงบประมาณไม่เป็นไปตามแผน";
        let mut e = TextEdit::new(text, true);
        let (rows, cursor) = e.layout(12);
        assert_eq!(rows.concat(), text);
        for word in ["เบิกจ่าย", "งบประมาณ", "เป็นไป"] {
            assert!(
                rows.iter().any(|r| r.contains(word)),
                "{word} cut: {rows:?}"
            );
        }
        let last = rows.last().expect("a row");
        assert_eq!(cursor, (rows.len() - 1, last.width()));
        // every cluster boundary maps to the row holding it, at its cell
        e.home();
        let mut seen = Vec::new();
        loop {
            let (_, (row, col)) = e.layout(12);
            let start: usize = rows[..row].iter().map(String::len).sum();
            assert_eq!(
                col,
                e.text()[start..e.cursor()].width(),
                "at {}",
                e.cursor()
            );
            seen.push(row);
            if e.cursor() == e.text().len() {
                break;
            }
            e.right();
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(seen.last(), Some(&(rows.len() - 1)));
    }

    #[test]
    fn layout_keeps_a_typed_space_and_a_trailing_line_break() {
        let mut e = TextEdit::new("one two", true);
        e.insert(' ');
        assert_eq!(e.layout(20), (vec!["one two ".to_string()], (0, 8)));
        e.insert('\n');
        assert_eq!(e.layout(20).1, (1, 0), "the cursor on the new empty row");
        let e = TextEdit::new("one two three", true);
        let (rows, cursor) = e.layout(7);
        assert_eq!(rows, ["one two ", "three"]);
        assert_eq!(cursor, (1, 5));
    }

    #[test]
    fn truncate_counts_columns_not_bytes() {
        assert_eq!(truncate("การเบิกจ่ายเงิน", 5), "การเ…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
