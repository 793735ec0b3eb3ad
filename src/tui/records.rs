//! New risks, measures and indicators as the editor creates them: the next free id of
//! the bureau, and defaults a person then fills in. Pure functions.

use crate::method::Methodology;
use crate::model::{
    ApproachList, Budget, BureauCode, CoResponsible, Comparator, ControlQuality, Factor,
    FiscalYear, Indicator, IndicatorId, Measure, MeasureId, MeasureKind, MethodRef, Quantity,
    Rating, Register, Response, Risk, RiskId, Threshold, YearMonth,
};

/// The next number after the highest `<BUREAU>-<letter><n>` id in use.
fn next_number<'a>(ids: impl Iterator<Item = &'a str>, prefix: &str) -> u32 {
    ids.filter_map(|id| id.strip_prefix(prefix))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0)
        + 1
}

/// A new risk with the next free id: rated at the lowest levels, controls
/// fair, to be reduced; every text empty for the person to write.
pub fn new_risk(reg: &Register, method: Option<&Methodology>) -> Result<Risk, String> {
    let prefix = format!("{}-R", reg.bureau);
    let n = next_number(reg.risks.iter().map(|r| r.id.as_str()), &prefix);
    let category = method
        .and_then(|m| m.categories.first())
        .map(|c| c.id.clone())
        .ok_or("the register's methodology has no categories to choose from")?;
    let lowest = Rating {
        likelihood: 1,
        impact: 1,
    };
    Ok(Risk {
        id: RiskId::new(format!("{prefix}{n}"))?,
        process: String::new(),
        description: String::new(),
        category,
        factor: Factor::Unknown,
        inherent: lowest,
        controls: String::new(),
        control_quality: ControlQuality::Fair,
        residual: method
            .is_none_or(Methodology::rerates_residual)
            .then_some(lowest),
        owner: String::new(),
        response: Response::Reduce,
        next_review: None,
        measures: Vec::new(),
    })
}

/// A new measure with the next free id of the register, running over the
/// whole fiscal year, with no budget requested.
pub fn new_measure(reg: &Register, approaches: &ApproachList) -> Result<Measure, String> {
    let prefix = format!("{}-M", reg.bureau);
    let n = next_number(reg.measures().map(|(_, m)| m.id.as_str()), &prefix);
    let approach = approaches
        .approaches
        .first()
        .map(|a| a.id.clone())
        .ok_or("approaches.ron lists no approach group")?;
    let year = reg.year.be();
    Ok(Measure {
        id: MeasureId::new(format!("{prefix}{n}"))?,
        title: String::new(),
        kind: MeasureKind::Activity,
        approach,
        co_responsible: CoResponsible::LeadOnly,
        other_responsible: String::new(),
        start: YearMonth::new(year - 1, 10)?,
        end: YearMonth::new(year, 9)?,
        budget: Budget::NotRequested,
        indicators: Vec::new(),
        monitoring: Vec::new(),
    })
}

/// A new indicator of a measure with the measure's next free id (`i<n>`:
/// indicator ids are numbered within their measure), its target "= yes"
/// until the person writes the real one.
pub fn new_indicator(measure: &Measure) -> Result<Indicator, String> {
    let n = next_number(measure.indicators.iter().map(|i| i.id.as_str()), "i");
    Ok(Indicator {
        id: IndicatorId::new(format!("i{n}"))?,
        name: String::new(),
        target: Threshold {
            cmp: Comparator::Exactly,
            value: Quantity::YesNo(true),
        },
        unit: String::new(),
    })
}

/// An empty register for a bureau, rated under the methodology most of the
/// year's registers use (the first one known when there are none).
pub fn new_register(
    bureau: BureauCode,
    year: FiscalYear,
    others: &[&Register],
    methods: &[Methodology],
) -> Result<Register, String> {
    let mut counts: Vec<(&MethodRef, usize)> = Vec::new();
    for r in others {
        match counts.iter_mut().find(|(m, _)| **m == r.methodology) {
            Some(c) => c.1 += 1,
            None => counts.push((&r.methodology, 1)),
        }
    }
    let methodology = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(m, _)| (*m).clone())
        .or_else(|| {
            methods.first().map(|m| MethodRef {
                id: m.id.clone(),
                version: m.version,
            })
        })
        .ok_or("no methodology in methodology/ to rate the risks with")?;
    Ok(Register {
        bureau,
        year,
        methodology,
        prepared_by: None,
        reviewed_by: None,
        approved_by: None,
        note: String::new(),
        risks: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_numbers_skip_gaps_and_foreign_ids() {
        let ids = ["FIN-R1", "FIN-R7", "FIN-R3a", "ICT-R9", "FIN-Rx"];
        assert_eq!(next_number(ids.iter().copied(), "FIN-R"), 8);
        assert_eq!(next_number(std::iter::empty(), "FIN-R"), 1);
        // indicators: numbered within the measure, `i<n>`
        assert_eq!(next_number(["i1", "i4", "x9"].into_iter(), "i"), 5);
    }
}
