//! New risks, measures, indicators and registers as a person starts them:
//! the next free id of the bureau (or of the measure, for an indicator),
//! and defaults the person then fills in. Pure functions; what to choose
//! from a methodology (the first category, whether residual risk is rated)
//! the caller says.

use super::CategoryId;
use super::{
    ApproachId, Budget, BureauCode, CoResponsible, Comparator, ControlQuality, Factor, FiscalYear,
    Indicator, IndicatorId, Measure, MeasureId, MeasureKind, MethodRef, Quantity, Rating, Register,
    Response, Risk, RiskId, Threshold, YearMonth,
};

/// The next number after the highest `<prefix><n>` id in use (`FIN-R7` →
/// 8 for `FIN-R`); ids of other bureaus and other shapes do not count.
pub fn next_number<'a>(ids: impl Iterator<Item = &'a str>, prefix: &str) -> u32 {
    ids.filter_map(|id| id.strip_prefix(prefix))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0)
        + 1
}

/// A new risk of `reg` with the next free id: in `category`, rated at the
/// lowest levels, controls fair, to be reduced; every text empty for the
/// person to write. `rated_residual`: the methodology rates residual risk
/// on the matrix (else it derives it from the controls).
pub fn risk(reg: &Register, category: CategoryId, rated_residual: bool) -> Result<Risk, String> {
    let prefix = format!("{}-R", reg.bureau);
    let n = next_number(reg.risks.iter().map(|r| r.id.as_str()), &prefix);
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
        residual: rated_residual.then_some(lowest),
        owner: String::new(),
        response: Response::Reduce,
        next_review: None,
        measures: Vec::new(),
    })
}

/// A new measure with the next free id of the register, in approach group
/// `approach`, running over the whole fiscal year, with no budget requested.
pub fn measure(reg: &Register, approach: ApproachId) -> Result<Measure, String> {
    let prefix = format!("{}-M", reg.bureau);
    let n = next_number(reg.measures().map(|(_, m)| m.id.as_str()), &prefix);
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
pub fn indicator(measure: &Measure) -> Result<Indicator, String> {
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

/// An empty register for a bureau, rated under the methodology most of
/// `others` (the year's registers) use, else under `first_known`.
pub fn register(
    bureau: BureauCode,
    year: FiscalYear,
    others: &[&Register],
    first_known: Option<MethodRef>,
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
        .or(first_known)
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
