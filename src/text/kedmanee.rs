//! The Thai Kedmanee keyboard layout (TIS 820-2538) as a pure table: which
//! US key sits under each character a Thai keyboard types, so that a command
//! key works whichever layout the user has switched on.
//!
//! Two variants are in use: the common Kedmanee of Windows, macOS and X11's
//! default `th` map, and TIS 820-2538 proper, which adds ๏ ๛ ๎ ๚ and moves
//! ฿ ๅ ฃ ฅ. Both are in [`KEYS`] and [`TIS_EXTRAS`]. Where the two put a
//! character on different keys, it maps to the key it is on *unshifted*
//! (ๅ → `1`, ฿ → `1`, ฃ → `\`, ฅ → `\`), so the plain key press means the
//! same on either variant.
//!
//! Kedmanee also puts ASCII characters on keys: `/` on 2, `-` on 3, `_` on
//! `` ` ``, and `% + " , . ( ) ?` shifted. A terminal sends them as the same
//! ASCII characters a US keyboard sends, so nobody can tell which keyboard
//! typed them. Rule: a key is first looked up as itself; only when the screen
//! binds nothing to it is it looked up as the US key at its Kedmanee place
//! (see [`us_key`]). So `/` still searches where a screen searches, and
//! goes to screen 2 elsewhere.

/// One key of the layout: what a US keyboard and the Kedmanee layout type
/// on it, unshifted and shifted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyCap {
    pub us: char,
    pub us_shifted: char,
    pub thai: char,
    pub thai_shifted: char,
}

const fn k(us: char, us_shifted: char, thai: char, thai_shifted: char) -> KeyCap {
    KeyCap {
        us,
        us_shifted,
        thai,
        thai_shifted,
    }
}

/// Every character key of the common Kedmanee layout, row by row.
pub const KEYS: [KeyCap; 47] = [
    // number row
    k('`', '~', '_', '%'),
    k('1', '!', 'ๅ', '+'),
    k('2', '@', '/', '๑'),
    k('3', '#', '-', '๒'),
    k('4', '$', 'ภ', '๓'),
    k('5', '%', 'ถ', '๔'),
    k('6', '^', 'ุ', 'ู'),
    k('7', '&', 'ึ', '฿'),
    k('8', '*', 'ค', '๕'),
    k('9', '(', 'ต', '๖'),
    k('0', ')', 'จ', '๗'),
    k('-', '_', 'ข', '๘'),
    k('=', '+', 'ช', '๙'),
    // top row
    k('q', 'Q', 'ๆ', '๐'),
    k('w', 'W', 'ไ', '"'),
    k('e', 'E', 'ำ', 'ฎ'),
    k('r', 'R', 'พ', 'ฑ'),
    k('t', 'T', 'ะ', 'ธ'),
    k('y', 'Y', 'ั', 'ํ'),
    k('u', 'U', 'ี', '๊'),
    k('i', 'I', 'ร', 'ณ'),
    k('o', 'O', 'น', 'ฯ'),
    k('p', 'P', 'ย', 'ญ'),
    k('[', '{', 'บ', 'ฐ'),
    k(']', '}', 'ล', ','),
    k('\\', '|', 'ฃ', 'ฅ'),
    // home row
    k('a', 'A', 'ฟ', 'ฤ'),
    k('s', 'S', 'ห', 'ฆ'),
    k('d', 'D', 'ก', 'ฏ'),
    k('f', 'F', 'ด', 'โ'),
    k('g', 'G', 'เ', 'ฌ'),
    k('h', 'H', '้', '็'),
    k('j', 'J', '่', '๋'),
    k('k', 'K', 'า', 'ษ'),
    k('l', 'L', 'ส', 'ศ'),
    k(';', ':', 'ว', 'ซ'),
    k('\'', '"', 'ง', '.'),
    // bottom row
    k('z', 'Z', 'ผ', '('),
    k('x', 'X', 'ป', ')'),
    k('c', 'C', 'แ', 'ฉ'),
    k('v', 'V', 'อ', 'ฮ'),
    k('b', 'B', 'ิ', 'ฺ'),
    k('n', 'N', 'ื', '์'),
    k('m', 'M', 'ท', '?'),
    k(',', '<', 'ม', 'ฒ'),
    k('.', '>', 'ใ', 'ฬ'),
    k('/', '?', 'ฝ', 'ฦ'),
];

/// Characters only TIS 820-2538 types, with the US key under them
/// (๚ is on the third level of O).
pub const TIS_EXTRAS: [(char, char); 4] = [('๏', '`'), ('๛', '~'), ('๎', '&'), ('๚', 'o')];

/// The US key at the place of `c` on the Thai layout, when that differs from
/// `c` itself: `ๆ` → `q`, `ฤ` → `A`, `/` → `2`. `None` for a character the
/// layout does not type (Latin letters, digits, most punctuation).
pub fn us_key(c: char) -> Option<char> {
    // the two variants disagree on these: the unshifted place wins
    match c {
        'ๅ' | '฿' => return Some('1'),
        'ฃ' | 'ฅ' => return Some('\\'),
        _ => {}
    }
    if let Some(&(_, us)) = TIS_EXTRAS.iter().find(|(t, _)| *t == c) {
        return Some(us);
    }
    KEYS.iter().find_map(|key| {
        if key.thai == c {
            Some(key.us)
        } else if key.thai_shifted == c {
            Some(key.us_shifted)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters whose place the variants dispute, with the key chosen.
    const DISPUTED: [(char, char); 4] = [('ๅ', '1'), ('฿', '1'), ('ฃ', '\\'), ('ฅ', '\\')];

    #[test]
    fn every_key_of_the_layout_maps_back_to_its_us_key() {
        for key in KEYS {
            for (thai, us) in [(key.thai, key.us), (key.thai_shifted, key.us_shifted)] {
                let want = DISPUTED
                    .iter()
                    .find(|(c, _)| *c == thai)
                    .map_or(us, |&(_, k)| k);
                assert_eq!(us_key(thai), Some(want), "{thai:?} on {us:?}");
            }
        }
        for (thai, us) in TIS_EXTRAS {
            assert_eq!(us_key(thai), Some(us), "{thai:?}");
        }
    }

    #[test]
    fn the_issue_s_examples() {
        assert_eq!(us_key('ๆ'), Some('q'));
        assert_eq!(us_key('่'), Some('j'));
        assert_eq!(us_key('ก'), Some('d'));
        // the number row: ๅ / - ภ ถ ุ ึ ค ต จ
        let row: Vec<Option<char>> = "ๅ/-ภถุึคตจ".chars().map(us_key).collect();
        let digits: Vec<Option<char>> = "1234567890".chars().map(Some).collect();
        assert_eq!(row, digits);
        // shifted letters stay shifted: ศ is Shift-L
        assert_eq!(us_key('ศ'), Some('L'));
    }

    #[test]
    fn every_assigned_thai_character_has_a_key() {
        // U+0E01–U+0E3A and U+0E3F–U+0E5B are assigned
        let thai = ('\u{0E01}'..='\u{0E3A}').chain('\u{0E3F}'..='\u{0E5B}');
        for c in thai {
            assert!(us_key(c).is_some(), "{c:?} U+{:04X} has no key", c as u32);
        }
    }

    #[test]
    fn a_key_types_one_character_per_layer_and_no_two_keys_share_one() {
        let mut seen = std::collections::HashSet::new();
        for key in KEYS {
            assert!(seen.insert(key.thai), "{:?} twice", key.thai);
            assert!(
                seen.insert(key.thai_shifted),
                "{:?} twice",
                key.thai_shifted
            );
        }
        assert_eq!(seen.len(), 94);
    }

    #[test]
    fn latin_letters_and_digits_are_not_translated() {
        for c in ('a'..='z').chain('A'..='Z').chain('0'..='9') {
            assert_eq!(us_key(c), None, "{c:?}");
        }
    }
}
