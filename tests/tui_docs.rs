//! The user guide's key tables are the key map: each `<!-- keys:SCOPE -->`
//! block must equal what the key map generates. Run with
//! `RISKREG_WRITE_DOCS=1` to rewrite the blocks after changing keys.

use riskreg::tui::keymap::{Keymap, Scope, markdown};

const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/user-guide.md");

/// The guide with every key block filled from the key map.
fn regenerate(text: &str) -> String {
    let map = Keymap::default();
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!-- keys:") {
        let open_end = start + rest[start..].find("-->").expect("closed marker") + 3;
        let name = rest[start + "<!-- keys:".len()..open_end - 3].trim();
        let scope = Scope::all()
            .find(|s| format!("{s:?}") == name)
            .unwrap_or_else(|| panic!("unknown scope {name} in the guide"));
        let close = open_end + rest[open_end..].find("<!-- /keys -->").expect("block end");
        out.push_str(&rest[..open_end]);
        out.push('\n');
        out.push_str(&markdown(&map, scope));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_guide_key_tables_are_the_key_map() {
    let text = std::fs::read_to_string(GUIDE).expect("read the guide");
    let fresh = regenerate(&text);
    if std::env::var_os("RISKREG_WRITE_DOCS").is_some() {
        std::fs::write(GUIDE, &fresh).expect("write the guide");
        return;
    }
    assert!(
        text == fresh,
        "docs/user-guide.md is out of date with the key map; run RISKREG_WRITE_DOCS=1 cargo test --test tui_docs"
    );
}

#[test]
fn the_guide_covers_every_screen_and_setting() {
    let text = std::fs::read_to_string(GUIDE).expect("read the guide");
    for scope in Scope::all() {
        assert!(
            text.contains(&format!("<!-- keys:{scope:?} -->")),
            "no key table for {scope:?}"
        );
    }
    for field in [
        "lang:",
        "theme:",
        "name:",
        "keys:",
        "RISKREG_CONFIG_DIR",
        "NO_COLOR",
    ] {
        assert!(text.contains(field), "the guide does not mention {field}");
    }
    // the example settings in the guide read as settings
    let start = text.find("```ron\n").expect("settings example") + 7;
    let end = start + text[start..].find("```").expect("end of example");
    let example = &text[start..end];
    let parsed: riskreg::tui::settings::Settings = riskreg::store::parse(
        std::path::Path::new("guide"),
        example.as_bytes(),
        "settings",
    )
    .expect("the example reads");
    let (_, problems) = Keymap::with_overrides(&parsed.keys);
    assert!(problems.is_empty(), "{problems:?}");
}
