//! Which language a command speaks when `--lang` is not given: the one the
//! user's settings name, else the locale's (`LC_ALL`, then `LC_MESSAGES`,
//! then `LANG`, as POSIX orders them: the first that is set and not empty
//! decides), Thai when it starts with `th`, else English. Pure: the caller
//! passes what the settings say and a way to read the environment.

use crate::model::Lang;

/// The locale variables, most specific first.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The language of the locale: Thai for `th_TH.UTF-8` (or `th`), English
/// for any other locale; `None` when no locale variable is set.
pub fn of_locale(var: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    let value = LOCALE_VARS
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))?;
    Some(if value.to_ascii_lowercase().starts_with("th") {
        Lang::Th
    } else {
        Lang::En
    })
}

/// The language of a run: the flag, else the settings, else the locale,
/// else English.
pub fn resolve(
    flag: Option<Lang>,
    settings: Option<Lang>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Lang {
    flag.or(settings)
        .or_else(|| of_locale(var))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_settings_then_the_locale() {
        let thai = [("LANG", "th_TH.UTF-8")];
        assert_eq!(
            resolve(Some(Lang::En), Some(Lang::Th), &env(&thai)),
            Lang::En
        );
        assert_eq!(resolve(None, Some(Lang::En), &env(&thai)), Lang::En);
        assert_eq!(resolve(None, None, &env(&thai)), Lang::Th);
        assert_eq!(resolve(None, Some(Lang::Th), &env(&[])), Lang::Th);
        assert_eq!(resolve(None, None, &env(&[])), Lang::En);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_and_empty_ones_are_skipped() {
        let all = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "th_TH"),
            ("LANG", "th_TH"),
        ];
        assert_eq!(of_locale(&env(&all)), Some(Lang::En));
        let messages = [("LC_ALL", ""), ("LC_MESSAGES", "th_TH"), ("LANG", "C")];
        assert_eq!(of_locale(&env(&messages)), Some(Lang::Th));
        let lang = [("LC_MESSAGES", ""), ("LANG", "th")];
        assert_eq!(of_locale(&env(&lang)), Some(Lang::Th));
        assert_eq!(of_locale(&env(&[("LANG", "C.UTF-8")])), Some(Lang::En));
        assert_eq!(of_locale(&env(&[("LANG", "TH_th")])), Some(Lang::Th));
        assert_eq!(of_locale(&env(&[])), None);
    }
}
