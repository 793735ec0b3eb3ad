//! The documentation's examples are real: the example register of
//! docs/file-format.md parses, validates against the shipped methodology and
//! is in canonical form; the grids drawn in docs/methodology.md are the ones
//! the shipped files give.

mod common;

use riskreg::method::Methodology;
use riskreg::model::{Rating, Register};
use riskreg::store::{self, Loaded};
use std::path::Path;

fn doc(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name),
    )
    .expect("doc")
}

#[test]
fn the_example_register_is_valid_and_canonical() {
    let text = doc("file-format.md");
    let start = text.find("A short complete example").expect("section");
    let block = &text[start..];
    let open = block.find("```ron\n").expect("ron block") + "```ron\n".len();
    let close = block[open..].find("```").expect("end of block");
    let example = &block[open..open + close];
    let reg: Register = store::parse(
        Path::new("docs/file-format.md"),
        example.as_bytes(),
        store::REGISTER,
    )
    .expect("parses");
    assert_eq!(
        store::to_canonical(&reg).expect("canonical"),
        example,
        "the example is canonical"
    );

    let (_dir, root) = common::sample_workspace();
    std::fs::write(root.join("2567/FIN.ron"), example).expect("write");
    let report = riskreg::check::check_root(&root, None);
    let in_example: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with("2567/FIN.ron"))
        .collect();
    assert!(in_example.is_empty(), "{in_example:?}");
}

/// Reads a markdown grid drawn highest level first into symbols by
/// (likelihood, impact).
fn drawn_grid(text: &str, header: &str, levels: u8) -> Vec<(u8, u8, String)> {
    let start = text.find(header).expect("grid header");
    text[start..]
        .lines()
        .skip(2)
        .take(usize::from(levels))
        .enumerate()
        .flat_map(|(row, line)| {
            let likelihood = levels - row as u8;
            line.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .skip(1)
                .enumerate()
                .map(move |(col, symbol)| (likelihood, col as u8 + 1, symbol.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_drawn_grids_match_the_shipped_methodologies() {
    let text = doc("methodology.md");
    for (file, header, levels) in [
        ("coso-5x5-v1.ron", "| likelihood \\ impact |", 5),
        ("pacc-3x3-v1.ron", "| monitoring \\ severity |", 3),
    ] {
        let path = common::sample_registers().join("methodology").join(file);
        let m: Loaded<Methodology> = store::load_file(&path, store::METHODOLOGY).expect("loads");
        let cells = drawn_grid(&text, header, levels);
        assert_eq!(
            cells.len(),
            usize::from(levels) * usize::from(levels),
            "{file}"
        );
        for (likelihood, impact, symbol) in cells {
            let band = m
                .value
                .band_for(Rating { likelihood, impact })
                .expect("in scale");
            assert_eq!(band.symbol, symbol, "{file}: L{likelihood} × I{impact}");
        }
    }
}
