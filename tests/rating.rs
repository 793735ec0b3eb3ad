//! Rating on both shipped methodologies, every cell and every boundary,
//! checked against the rules METHOD.md states in words.

mod common;

use riskreg::method::{Grid, Methodology, ScoreBand, check_methodology};
use riskreg::model::*;
use riskreg::store::{self, Loaded};

fn shipped(name: &str) -> Methodology {
    let path = common::sample_registers().join("methodology").join(name);
    let loaded: Loaded<Methodology> =
        store::load_file(&path, store::METHODOLOGY).expect("methodology loads");
    assert!(
        check_methodology(&loaded.value).is_empty(),
        "{:?}",
        check_methodology(&loaded.value)
    );
    loaded.value
}

fn band(m: &Methodology, likelihood: u8, impact: u8) -> String {
    m.band_for(Rating { likelihood, impact })
        .expect("in scale")
        .id
        .to_string()
}

fn risk_with(inherent: Rating, control_quality: ControlQuality, residual: Option<Rating>) -> Risk {
    Risk {
        id: RiskId::new("R1").expect("id"),
        process: "การจัดซื้อจัดจ้าง".into(),
        description: "ทดสอบ".into(),
        category: CategoryId::new("procurement").expect("id"),
        factor: Factor::Known,
        inherent,
        controls: String::new(),
        control_quality,
        residual,
        owner: String::new(),
        response: Response::Reduce,
        next_review: None,
        measures: Vec::new(),
    }
}

/// METHOD.md: bands by L × I: 1–3 low, 4–9 medium, 10–16 high, 17–25 very high.
fn band_by_score(score: u16) -> &'static str {
    match score {
        1..=3 => "low",
        4..=9 => "medium",
        10..=16 => "high",
        _ => "very_high",
    }
}

#[test]
fn the_5x5_table_agrees_with_the_score_rule_in_every_cell() {
    let m = shipped("coso-5x5-v1.ron");
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            assert_eq!(
                band(&m, l, i),
                band_by_score(u16::from(l) * u16::from(i)),
                "L{l} × I{i}"
            );
        }
    }
}

#[test]
fn the_5x5_boundaries_fall_where_method_md_puts_them() {
    let m = shipped("coso-5x5-v1.ron");
    assert_eq!(band(&m, 1, 3), "low"); // 3
    assert_eq!(band(&m, 2, 2), "medium"); // 4
    assert_eq!(band(&m, 3, 3), "medium"); // 9
    assert_eq!(band(&m, 2, 5), "high"); // 10
    assert_eq!(band(&m, 4, 4), "high"); // 16
    assert_eq!(band(&m, 4, 5), "very_high"); // 20 (17 is not a product)
    assert_eq!(band(&m, 5, 5), "very_high"); // 25
}

#[test]
fn out_of_scale_ratings_are_errors_not_bands() {
    let m = shipped("coso-5x5-v1.ron");
    for (l, i) in [(0, 1), (1, 0), (6, 1), (1, 6), (255, 255)] {
        assert!(
            m.band_for(Rating {
                likelihood: l,
                impact: i
            })
            .is_err(),
            "L{l} I{i}"
        );
    }
    let p = shipped("pacc-3x3-v1.ron");
    assert!(
        p.band_for(Rating {
            likelihood: 4,
            impact: 1
        })
        .is_err()
    );
    let err = p
        .band_for(Rating {
            likelihood: 1,
            impact: 4,
        })
        .expect_err("impact 4");
    assert_eq!(err.to_string(), "impact 4 is outside the scale 1–3");
}

#[test]
fn the_pacc_3x3_bands_its_products() {
    let m = shipped("pacc-3x3-v1.ron");
    let expected = [
        ["low", "low", "medium"],
        ["low", "medium", "high"],
        ["medium", "high", "very_high"],
    ];
    for l in 1..=3u8 {
        for i in 1..=3u8 {
            assert_eq!(
                band(&m, l, i),
                expected[usize::from(l) - 1][usize::from(i) - 1],
                "MUST/SHOULD {l} × severity {i}"
            );
        }
    }
}

#[test]
fn pacc_residual_comes_from_the_control_grid_of_method_md() {
    let m = shipped("pacc-3x3-v1.ron");
    assert!(!m.rerates_residual());
    // (inherent rating, band) for each inherent band
    let points = [
        (
            Rating {
                likelihood: 1,
                impact: 1,
            },
            "low",
        ),
        (
            Rating {
                likelihood: 2,
                impact: 2,
            },
            "medium",
        ),
        (
            Rating {
                likelihood: 2,
                impact: 3,
            },
            "high",
        ),
        (
            Rating {
                likelihood: 3,
                impact: 3,
            },
            "very_high",
        ),
    ];
    let table = [
        (ControlQuality::Good, ["low", "low", "medium", "medium"]),
        (ControlQuality::Fair, ["low", "medium", "high", "high"]),
        (ControlQuality::Weak, ["medium", "high", "high", "high"]),
    ];
    for (quality, row) in table {
        for ((rating, inherent), expected) in points.iter().zip(row) {
            let risk = risk_with(*rating, quality, None);
            assert_eq!(m.inherent_band(&risk).expect("band").id.as_str(), *inherent);
            let residual = m.residual_band(&risk).expect("grid").expect("derived");
            assert_eq!(
                residual.id.as_str(),
                expected,
                "{quality:?} controls at {inherent}"
            );
        }
    }
}

#[test]
fn coso_residual_is_the_rerated_rating_or_nothing_yet() {
    let m = shipped("coso-5x5-v1.ron");
    let rerated = risk_with(
        Rating {
            likelihood: 4,
            impact: 4,
        },
        ControlQuality::Good,
        Some(Rating {
            likelihood: 2,
            impact: 2,
        }),
    );
    assert_eq!(
        m.residual_band(&rerated)
            .expect("ok")
            .expect("some")
            .id
            .as_str(),
        "medium"
    );
    let pending = risk_with(
        Rating {
            likelihood: 4,
            impact: 4,
        },
        ControlQuality::Good,
        None,
    );
    assert_eq!(m.residual_band(&pending).expect("ok"), None);
    let bad = risk_with(
        Rating {
            likelihood: 4,
            impact: 4,
        },
        ControlQuality::Good,
        Some(Rating {
            likelihood: 7,
            impact: 2,
        }),
    );
    assert!(m.residual_band(&bad).is_err());
}

#[test]
fn a_score_grid_gives_the_same_bands_as_the_shipped_table() {
    let table = shipped("coso-5x5-v1.ron");
    let mut scored = table.clone();
    let step = |up_to, band: &str| ScoreBand {
        up_to,
        band: BandId::new(band).expect("id"),
    };
    scored.grid = Grid::Score(vec![
        step(3, "low"),
        step(9, "medium"),
        step(16, "high"),
        step(25, "very_high"),
    ]);
    assert!(check_methodology(&scored).is_empty());
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            assert_eq!(band(&scored, l, i), band(&table, l, i));
        }
    }
    // a threshold list that stops short is reported, not silently unbanded
    scored.grid = Grid::Score(vec![step(3, "low"), step(9, "medium")]);
    let problems = check_methodology(&scored);
    assert!(
        problems.iter().any(|p| p
            .message
            .to_string()
            .contains("scores above 9 up to 25 have no band")),
        "{problems:?}"
    );
}

#[test]
fn an_irregular_table_is_allowed_and_checked() {
    let mut m = shipped("pacc-3x3-v1.ron");
    // an agency that treats any MUST risk as at least high
    m.grid = Grid::Table(vec![
        vec![
            BandId::new("low").expect("id"),
            BandId::new("low").expect("id"),
            BandId::new("medium").expect("id"),
        ],
        vec![
            BandId::new("low").expect("id"),
            BandId::new("medium").expect("id"),
            BandId::new("high").expect("id"),
        ],
        vec![
            BandId::new("high").expect("id"),
            BandId::new("high").expect("id"),
            BandId::new("very_high").expect("id"),
        ],
    ]);
    assert!(check_methodology(&m).is_empty());
    assert_eq!(band(&m, 3, 1), "high");
    if let Grid::Table(rows) = &mut m.grid {
        rows[1].pop();
    }
    let problems = check_methodology(&m);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "grid[1]" && p.message.to_string().contains("has 2 cells")),
        "{problems:?}"
    );
}
