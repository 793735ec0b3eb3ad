//! The registers of a year as polars frames, and the sums a report needs.
//!
//! Two frames are built from plain facts gathered by `build`:
//! - `measures`: one row per measure at a round — lead bureau, band,
//!   0/1 indicator columns (completed, reported, green, yellow, red) and the
//!   money in satang (Int64), so every count and total is an exact integer
//!   column sum;
//! - `responsibility`: one row per (measure, co-responsible bureau), for
//!   how many measures each bureau carries besides those it leads.
//!
//! Only this file touches polars; it returns plain Rust values.

use super::ReportError;
use polars::prelude::*;

/// What is known of one measure at one round, as numbers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fact {
    /// Index of the lead bureau in the caller's bureau table.
    pub lead: u32,
    /// Index of the risk's band in the caller's band table (0 = unrated).
    pub band: u32,
    pub completed: bool,
    pub reported: bool,
    pub green: bool,
    pub yellow: bool,
    pub red: bool,
    /// Carried by every bureau (ทุกสำนัก).
    pub all_bureaus: bool,
    pub allocated: i64,
    pub disbursed: i64,
}

/// Exact sums over a set of measures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub measures: u64,
    pub completed: u64,
    pub reported: u64,
    pub green: u64,
    pub yellow: u64,
    pub red: u64,
    pub all_bureaus: u64,
    pub allocated: i64,
    pub disbursed: i64,
    /// Count per band index, indexed like the caller's band table.
    pub bands: Vec<u64>,
}

/// Sums for the whole secretariat and per lead bureau.
#[derive(Clone, Debug, Default)]
pub struct Aggregates {
    pub total: Sums,
    /// Indexed like the caller's bureau table.
    pub per_lead: Vec<Sums>,
}

const SUMMED: [&str; 9] = [
    "one",
    "completed",
    "reported",
    "green",
    "yellow",
    "red",
    "all_bureaus",
    "allocated",
    "disbursed",
];

fn frame_err(e: PolarsError) -> ReportError {
    ReportError::Frame(e.to_string())
}

/// The measures frame of a round.
fn measures_frame(facts: &[Fact]) -> PolarsResult<DataFrame> {
    let flag =
        |f: fn(&Fact) -> bool| -> Vec<i64> { facts.iter().map(|x| i64::from(f(x))).collect() };
    DataFrame::new_infer_height(vec![
        Column::new(
            "lead".into(),
            facts.iter().map(|f| f.lead).collect::<Vec<u32>>(),
        ),
        Column::new(
            "band".into(),
            facts.iter().map(|f| f.band).collect::<Vec<u32>>(),
        ),
        Column::new("one".into(), vec![1i64; facts.len()]),
        Column::new("completed".into(), flag(|f| f.completed)),
        Column::new("reported".into(), flag(|f| f.reported)),
        Column::new("green".into(), flag(|f| f.green)),
        Column::new("yellow".into(), flag(|f| f.yellow)),
        Column::new("red".into(), flag(|f| f.red)),
        Column::new("all_bureaus".into(), flag(|f| f.all_bureaus)),
        Column::new(
            "allocated".into(),
            facts.iter().map(|f| f.allocated).collect::<Vec<i64>>(),
        ),
        Column::new(
            "disbursed".into(),
            facts.iter().map(|f| f.disbursed).collect::<Vec<i64>>(),
        ),
    ])
}

fn col_i64(df: &DataFrame, name: &str) -> PolarsResult<Vec<i64>> {
    Ok(df
        .column(name)?
        .i64()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

fn col_u32(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(df
        .column(name)?
        .u32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

fn sums_from(values: &[i64], bands: usize) -> Sums {
    let n = |i: usize| u64::try_from(values[i]).unwrap_or(0);
    Sums {
        measures: n(0),
        completed: n(1),
        reported: n(2),
        green: n(3),
        yellow: n(4),
        red: n(5),
        all_bureaus: n(6),
        allocated: values[7],
        disbursed: values[8],
        bands: vec![0; bands],
    }
}

/// Sums the facts of a round: totals and per lead bureau, with counts per
/// band. `bureaus` and `bands` are the sizes of the caller's tables.
pub fn aggregate(facts: &[Fact], bureaus: usize, bands: usize) -> Result<Aggregates, ReportError> {
    aggregate_frames(facts, bureaus, bands).map_err(frame_err)
}

#[allow(deprecated)] // the eager group-by sums: exact, and no lazy engine to compile
fn aggregate_frames(facts: &[Fact], bureaus: usize, bands: usize) -> PolarsResult<Aggregates> {
    let df = measures_frame(facts)?;
    let mut per_lead = vec![
        Sums {
            bands: vec![0; bands],
            ..Sums::default()
        };
        bureaus
    ];
    let mut total_values = [0i64; SUMMED.len()];
    if df.height() > 0 {
        let by_lead = df.group_by(["lead"])?.select(SUMMED).sum()?;
        let leads = col_u32(&by_lead, "lead")?;
        let columns: Vec<Vec<i64>> = SUMMED
            .iter()
            .map(|c| col_i64(&by_lead, &format!("{c}_sum")))
            .collect::<PolarsResult<_>>()?;
        for (row, lead) in leads.iter().enumerate() {
            let values: Vec<i64> = columns.iter().map(|c| c[row]).collect();
            for (t, v) in total_values.iter_mut().zip(&values) {
                *t += v;
            }
            if let Some(slot) = per_lead.get_mut(*lead as usize) {
                *slot = sums_from(&values, bands);
            }
        }
        let by_band = df.group_by(["lead", "band"])?.select(["one"]).sum()?;
        let (leads, band_ix, counts) = (
            col_u32(&by_band, "lead")?,
            col_u32(&by_band, "band")?,
            col_i64(&by_band, "one_sum")?,
        );
        for ((lead, band), count) in leads.iter().zip(&band_ix).zip(&counts) {
            if let Some(slot) = per_lead
                .get_mut(*lead as usize)
                .and_then(|s| s.bands.get_mut(*band as usize))
            {
                *slot += u64::try_from(*count).unwrap_or(0);
            }
        }
    }
    let mut total = sums_from(&total_values, bands);
    for s in &per_lead {
        for (t, c) in total.bands.iter_mut().zip(&s.bands) {
            *t += c;
        }
    }
    Ok(Aggregates { total, per_lead })
}

/// How many measures each bureau co-carries by name: `pairs` holds one
/// bureau index per (measure, named co-responsible bureau). Indexed like the
/// caller's table. (Measures of all bureaus are counted from `Sums`, not
/// expanded into a pair per bureau, which would grow with bureaus².)
#[allow(deprecated)]
pub fn co_responsible(pairs: &[u32], bureaus: usize) -> Result<Vec<u64>, ReportError> {
    let run = || -> PolarsResult<Vec<u64>> {
        let mut out = vec![0u64; bureaus];
        if pairs.is_empty() {
            return Ok(out);
        }
        let df = DataFrame::new_infer_height(vec![
            Column::new("bureau".into(), pairs.to_vec()),
            Column::new("one".into(), vec![1i64; pairs.len()]),
        ])?;
        let by = df.group_by(["bureau"])?.select(["one"]).sum()?;
        for (b, n) in col_u32(&by, "bureau")?.iter().zip(col_i64(&by, "one_sum")?) {
            if let Some(slot) = out.get_mut(*b as usize) {
                *slot = u64::try_from(n).unwrap_or(0);
            }
        }
        Ok(out)
    };
    run().map_err(frame_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_per_lead_and_band_exactly() {
        let facts = [
            Fact {
                lead: 0,
                band: 1,
                completed: true,
                reported: true,
                green: true,
                allocated: 100,
                disbursed: 150,
                ..Fact::default()
            },
            Fact {
                lead: 0,
                band: 2,
                reported: true,
                red: true,
                allocated: 7,
                ..Fact::default()
            },
            Fact {
                lead: 2,
                band: 1,
                reported: true,
                yellow: true,
                disbursed: 3,
                ..Fact::default()
            },
        ];
        let a = aggregate(&facts, 3, 3).expect("aggregate");
        assert_eq!(a.total.measures, 3);
        assert_eq!(a.total.completed, 1);
        assert_eq!((a.total.green, a.total.yellow, a.total.red), (1, 1, 1));
        assert_eq!(a.total.allocated, 107);
        assert_eq!(a.total.disbursed, 153);
        assert_eq!(a.total.bands, vec![0, 2, 1]);
        assert_eq!(a.per_lead[0].measures, 2);
        assert_eq!(
            a.per_lead[1],
            Sums {
                bands: vec![0, 0, 0],
                ..Sums::default()
            }
        );
        assert_eq!(a.per_lead[2].bands, vec![0, 1, 0]);
        assert_eq!(co_responsible(&[1, 1, 0], 3).expect("co"), vec![1, 2, 0]);
    }
}
