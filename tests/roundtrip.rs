//! Property: any register saves and loads back equal, and saving is
//! idempotent (the canonical form of the canonical form is itself).

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use riskreg::model::*;
use riskreg::store::{parse, to_canonical};
use std::path::Path;

/// Text as officers type it: Thai with its combining vowels and tone marks,
/// SARA AM, English, digits (Thai and Arabic), punctuation that RON must
/// quote or escape (quotes, backslashes, `#`), tabs and line breaks, and
/// control characters (CR, NUL, ESC, DEL, C1) that the canonical form escapes.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("การจัดซื้อจัดจ้าง".to_string()),
        Just("ดำเนินการแล้วเสร็จ".to_string()),
        Just("ผู้อำนวยการสำนัก".to_string()),
        Just("ไม่มีความเสี่ยง/การทุจริตเกิดขึ้น".to_string()),
        Just("๑๒๓".to_string()),
        Just("ก\u{e31}\u{e49}".to_string()),
        Just("\"quoted\"".to_string()),
        Just("back\\slash".to_string()),
        Just("r#\"raw\"#".to_string()),
        Just("\"##".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{85}\u{7f}".to_string()),
        Just(" ".to_string()),
        Just("{(}])".to_string()),
        Just("// not a comment".to_string()),
        "[a-zA-Z0-9 .,:;!?%]{0,12}",
        "[\u{0e01}-\u{0e4f}]{0,12}",
    ];
    vec(pieces, 0..6).prop_map(|v| v.concat())
}

fn id_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9._-]{0,10}"
}

fn date() -> impl Strategy<Value = Date> {
    (2500u16..2700, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid date"))
}

fn year_month() -> impl Strategy<Value = YearMonth> {
    (2500u16..2700, 1u8..=12).prop_map(|(y, m)| YearMonth::new(y, m).expect("valid month"))
}

fn money() -> impl Strategy<Value = Money> {
    (0i64..10_000_000_000).prop_map(Money::from_satang)
}

fn decimal() -> impl Strategy<Value = Decimal2> {
    (0i64..1_000_000).prop_map(Decimal2::from_hundredths)
}

fn rating() -> impl Strategy<Value = Rating> {
    (0u8..=9, 0u8..=9).prop_map(|(likelihood, impact)| Rating { likelihood, impact })
}

fn signature() -> impl Strategy<Value = Signature> {
    (text(), text(), date()).prop_map(|(name, position, date)| Signature {
        name,
        position,
        date,
    })
}

fn approval() -> impl Strategy<Value = Approval> {
    (
        text(),
        text(),
        date(),
        "[0-9a-f]{64}",
        proptest::option::of("[A-Za-z0-9+/]{8,90}={0,2}"),
    )
        .prop_map(|(name, position, date, hex, signature)| Approval {
            name,
            position,
            date,
            digest: ContentDigest::from_hex(&hex).expect("64 hex digits"),
            signature,
        })
}

fn quantity() -> impl Strategy<Value = Quantity> {
    prop_oneof![
        decimal().prop_map(Quantity::Percent),
        any::<u64>().prop_map(Quantity::Count),
        any::<u32>().prop_map(Quantity::PerYear),
        any::<u8>().prop_map(Quantity::Level),
        any::<bool>().prop_map(Quantity::YesNo),
    ]
}

fn achieved() -> impl Strategy<Value = Achieved> {
    prop_oneof![
        decimal().prop_map(Achieved::Percent),
        (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Achieved::Fraction(a, b)),
        any::<u64>().prop_map(Achieved::Count),
        any::<u32>().prop_map(Achieved::PerYear),
        any::<u8>().prop_map(Achieved::Level),
        any::<bool>().prop_map(Achieved::YesNo),
        Just(Achieved::Pending),
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        id_text(),
        text(),
        prop_oneof![
            Just(Comparator::AtLeast),
            Just(Comparator::Exactly),
            Just(Comparator::AtMost)
        ],
        quantity(),
        text(),
    )
        .prop_map(|(id, name, cmp, value, unit)| Indicator {
            id: IndicatorId::new(id).expect("id"),
            name,
            target: Threshold { cmp, value },
            unit,
        })
}

fn monitoring() -> impl Strategy<Value = Monitoring> {
    let status = prop_oneof![
        Just(TrafficLight::Green),
        Just(TrafficLight::Yellow),
        Just(TrafficLight::Red)
    ];
    let implementation = prop_oneof![
        Just(Implementation::NotStarted),
        Just(Implementation::InProgress),
        Just(Implementation::Completed),
        Just(Implementation::PlanRevised),
        text().prop_map(Implementation::Other),
    ];
    let results = vec(
        (id_text(), achieved()).prop_map(|(i, value)| IndicatorResult {
            indicator: IndicatorId::new(i).expect("id"),
            value,
        }),
        0..3,
    );
    (
        id_text(),
        option::of(date()),
        status,
        text(),
        implementation,
        text(),
        text(),
        money(),
        results,
        vec(text(), 0..3),
    )
        .prop_map(
            |(
                round,
                as_of,
                status,
                occurrence,
                implementation,
                done,
                added_activities,
                disbursed,
                results,
                evidence,
            )| {
                Monitoring {
                    round: RoundId::new(round).expect("id"),
                    as_of,
                    status,
                    occurrence,
                    implementation,
                    done,
                    added_activities,
                    disbursed,
                    results,
                    evidence,
                }
            },
        )
}

fn measure() -> impl Strategy<Value = Measure> {
    let kind = prop_oneof![
        Just(MeasureKind::Measure),
        Just(MeasureKind::Project),
        Just(MeasureKind::Activity)
    ];
    let co = prop_oneof![
        Just(CoResponsible::LeadOnly),
        Just(CoResponsible::AllBureaus),
        vec(
            id_text().prop_map(|s| BureauCode::new(s).expect("id")),
            0..3
        )
        .prop_map(CoResponsible::Bureaus),
    ];
    let budget = prop_oneof![
        Just(Budget::NotRequested),
        money().prop_map(|amount| Budget::Requested { amount }),
        (money(), text()).prop_map(|(amount, source)| Budget::Allocated { amount, source }),
    ];
    (
        (id_text(), text(), kind, id_text(), co, text()),
        (
            year_month(),
            year_month(),
            budget,
            vec(indicator(), 0..3),
            vec(monitoring(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, title, kind, approach, co_responsible, other_responsible),
                (start, end, budget, indicators, monitoring),
            )| {
                Measure {
                    id: MeasureId::new(id).expect("id"),
                    title,
                    kind,
                    approach: ApproachId::new(approach).expect("id"),
                    co_responsible,
                    other_responsible,
                    start,
                    end,
                    budget,
                    indicators,
                    monitoring,
                }
            },
        )
}

fn risk() -> impl Strategy<Value = Risk> {
    let factor = prop_oneof![Just(Factor::Known), Just(Factor::Unknown)];
    let quality = prop_oneof![
        Just(ControlQuality::Good),
        Just(ControlQuality::Fair),
        Just(ControlQuality::Weak)
    ];
    let response = prop_oneof![
        Just(Response::Reduce),
        Just(Response::Avoid),
        text().prop_map(Response::Accept),
        text().prop_map(Response::Transfer),
    ];
    (
        (
            id_text(),
            text(),
            text(),
            id_text(),
            factor,
            rating(),
            text(),
            quality,
        ),
        (
            option::of(rating()),
            text(),
            response,
            option::of(date()),
            vec(measure(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, process, description, category, factor, inherent, controls, control_quality),
                (residual, owner, response, next_review, measures),
            )| Risk {
                id: RiskId::new(id).expect("id"),
                process,
                description,
                category: CategoryId::new(category).expect("id"),
                factor,
                inherent,
                controls,
                control_quality,
                residual,
                owner,
                response,
                next_review,
                measures,
            },
        )
}

fn register() -> impl Strategy<Value = Register> {
    (
        id_text(),
        2500u16..2700,
        id_text(),
        any::<u32>(),
        (
            option::of(signature()),
            option::of(signature()),
            option::of(approval()),
        ),
        text(),
        vec(risk(), 0..4),
    )
        .prop_map(
            |(
                bureau,
                year,
                method,
                version,
                (prepared_by, reviewed_by, approved_by),
                note,
                risks,
            )| Register {
                bureau: BureauCode::new(bureau).expect("id"),
                year: FiscalYear::new(year).expect("year"),
                methodology: MethodRef {
                    id: MethodId::new(method).expect("id"),
                    version,
                },
                prepared_by,
                reviewed_by,
                approved_by,
                note,
                risks,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_register_saves_and_loads_back_equal(reg in register()) {
        let text = to_canonical(&reg).expect("serialise");
        prop_assert!(!text.contains("\\u{e"), "Thai must be written as UTF-8, not escapes:\n{text}");
        prop_assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "every control character but the line feed is escaped:\n{text:?}"
        );
        prop_assert!(text.ends_with(")\n"));
        let back: Register = parse(Path::new("prop.ron"), text.as_bytes(), "a register")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &reg);
        let again = to_canonical(&back).expect("serialise");
        prop_assert_eq!(again, text, "saving is idempotent");
    }
}
