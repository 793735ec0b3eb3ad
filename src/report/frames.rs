//! The year's facts as polars frames, and the lazy queries that make every
//! figure of the summary from them.
//!
//! `build` gathers plain facts (indexes into its bureau, approach and band
//! tables, flags and satang); this file turns them into four frames:
//! - `risks`: one row per risk — its inherent band;
//! - `measures`: one row per measure — lead bureau, approach, all bureaus,
//!   its id rank within its register, its risk, the allocated satang;
//! - `rounds`: one row per measure and round asked for — reported, status,
//!   completed, disbursed satang;
//! - `co`: one row per (measure, named co-responsible bureau).
//!
//! The table's order and numbering, the sums per lead bureau and band, the
//! co-carried counts and the comparison of two rounds are `group_by` /
//! `agg` / `join` / `sort` queries over them. Money is Int64 satang
//! throughout, so every total is exact. Only this file and `dataset`
//! touch polars; they return plain Rust values.

use super::ReportError;
use crate::model::TrafficLight;
use polars::prelude::*;

/// One measure, as numbers. Its index in the caller's list is its `ix`.
#[derive(Clone, Copy, Debug, Default)]
pub struct MeasureFact {
    /// Index of the lead bureau in the caller's bureau table.
    pub lead: u32,
    /// Index of the approach group in report order.
    pub approach: u32,
    /// Carried by every bureau (ทุกสำนัก).
    pub all_bureaus: bool,
    /// Rank of the measure's id among its register's ids.
    pub local: u32,
    /// Index of its risk in the caller's risk list.
    pub risk: u32,
    pub allocated: i64,
}

/// One measure at one round. `round` is 0 for the round reported on, 1 for
/// the round compared with.
#[derive(Clone, Copy, Debug, Default)]
pub struct RoundFact {
    pub measure: u32,
    pub round: u8,
    /// `None` when the measure has no monitoring entry for the round.
    pub status: Option<TrafficLight>,
    pub completed: bool,
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

/// A measure's place in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// 1, 2, … in table order.
    pub no: u32,
    /// The measure's index in the caller's list.
    pub ix: usize,
    /// Index of its risk's band in the caller's band table (0 = unrated).
    pub band: u32,
}

/// What changed between the round compared with and the round reported on,
/// by table number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// (table number, status then, status now) where they differ.
    pub moves: Vec<(u32, Option<TrafficLight>, Option<TrafficLight>)>,
    /// Table numbers of measures completed now but not then.
    pub newly_completed: Vec<u32>,
}

/// The facts of a year as frames. The measures joined with their risk's
/// band, and the table's order, are computed once here and shared by every
/// query after (each used to join and sort again).
pub struct Facts {
    /// `measures` with the `band` of its risk.
    banded: DataFrame,
    /// `no`, `ix`, `band` in table order.
    ordered: DataFrame,
    rounds: DataFrame,
    co: DataFrame,
}

fn frame_err(e: PolarsError) -> ReportError {
    ReportError::Frame(e.to_string())
}

const GREEN: u8 = 0;
const YELLOW: u8 = 1;
const RED: u8 = 2;

fn status_code(s: TrafficLight) -> u8 {
    match s {
        TrafficLight::Green => GREEN,
        TrafficLight::Yellow => YELLOW,
        TrafficLight::Red => RED,
    }
}

fn status_of(code: Option<u8>) -> Option<TrafficLight> {
    match code? {
        GREEN => Some(TrafficLight::Green),
        YELLOW => Some(TrafficLight::Yellow),
        RED => Some(TrafficLight::Red),
        _ => None,
    }
}

impl Facts {
    /// The frames of `risk_bands` (band index per risk), `measures`,
    /// `rounds` and `co` ((measure, bureau) pairs).
    pub fn new(
        risk_bands: &[u32],
        measures: &[MeasureFact],
        rounds: &[RoundFact],
        co: &[(u32, u32)],
    ) -> Result<Facts, ReportError> {
        Facts::frames(risk_bands, measures, rounds, co).map_err(frame_err)
    }

    fn frames(
        risk_bands: &[u32],
        measures: &[MeasureFact],
        rounds: &[RoundFact],
        co: &[(u32, u32)],
    ) -> PolarsResult<Facts> {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let risks = DataFrame::new_infer_height(vec![
            Column::new(
                "risk".into(),
                (0..n(risk_bands.len())).collect::<Vec<u32>>(),
            ),
            Column::new("band".into(), risk_bands.to_vec()),
        ])?;
        let m = |f: fn(&MeasureFact) -> u32| measures.iter().map(f).collect::<Vec<u32>>();
        let measures = DataFrame::new_infer_height(vec![
            Column::new("ix".into(), (0..n(measures.len())).collect::<Vec<u32>>()),
            Column::new("lead".into(), m(|f| f.lead)),
            Column::new("approach".into(), m(|f| f.approach)),
            Column::new(
                "all_bureaus".into(),
                measures
                    .iter()
                    .map(|f| f.all_bureaus)
                    .collect::<Vec<bool>>(),
            ),
            Column::new("local".into(), m(|f| f.local)),
            Column::new("risk".into(), m(|f| f.risk)),
            Column::new(
                "allocated".into(),
                measures.iter().map(|f| f.allocated).collect::<Vec<i64>>(),
            ),
        ])?;
        let rounds = DataFrame::new_infer_height(vec![
            Column::new(
                "ix".into(),
                rounds.iter().map(|r| r.measure).collect::<Vec<u32>>(),
            ),
            Column::new(
                "round".into(),
                rounds
                    .iter()
                    .map(|r| u32::from(r.round))
                    .collect::<Vec<u32>>(),
            ),
            Column::new(
                "status".into(),
                rounds
                    .iter()
                    .map(|r| r.status.map(|s| u32::from(status_code(s))))
                    .collect::<Vec<Option<u32>>>(),
            ),
            Column::new(
                "completed".into(),
                rounds.iter().map(|r| r.completed).collect::<Vec<bool>>(),
            ),
            Column::new(
                "disbursed".into(),
                rounds.iter().map(|r| r.disbursed).collect::<Vec<i64>>(),
            ),
        ])?;
        let co = DataFrame::new_infer_height(vec![
            Column::new("ix".into(), co.iter().map(|p| p.0).collect::<Vec<u32>>()),
            Column::new(
                "bureau".into(),
                co.iter().map(|p| p.1).collect::<Vec<u32>>(),
            ),
        ])?;
        // measures with their risk's band
        let banded = measures
            .lazy()
            .join(
                risks.lazy(),
                [col("risk")],
                [col("risk")],
                JoinArgs::new(JoinType::Left),
            )
            .with_column(col("band").fill_null(lit(0u32)))
            .collect()?;
        // seed 002's order: approach group, then the measures of named
        // bureaus in official bureau order, then those of all bureaus
        // (ทุกสำนัก), each by id; numbered from 1
        let ordered = banded
            .clone()
            .lazy()
            .sort(
                ["approach", "all_bureaus", "lead", "local"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .with_row_index("no", Some(1))
            .select([col("no").cast(DataType::UInt32), col("ix"), col("band")])
            .collect()?;
        Ok(Facts {
            banded,
            ordered,
            rounds,
            co,
        })
    }

    /// The table's order and numbering.
    pub fn order(&self) -> Result<Vec<Placed>, ReportError> {
        let run = || -> PolarsResult<Vec<Placed>> {
            let df = &self.ordered;
            let (no, ix, band) = (u32s(df, "no")?, u32s(df, "ix")?, u32s(df, "band")?);
            Ok(no
                .into_iter()
                .zip(ix)
                .zip(band)
                .map(|((no, ix), band)| Placed {
                    no,
                    ix: ix as usize,
                    band,
                })
                .collect())
        };
        run().map_err(frame_err)
    }

    /// Measures with their figures at `round` (0 or 1): every measure, a
    /// measure with no entry for the round counting as not reported.
    fn at_round(&self, round: u8) -> PolarsResult<DataFrame> {
        let entries = self
            .rounds
            .clone()
            .lazy()
            .filter(col("round").eq(lit(u32::from(round))));
        self.banded
            .clone()
            .lazy()
            .join(
                entries,
                [col("ix")],
                [col("ix")],
                JoinArgs::new(JoinType::Left),
            )
            .collect()
    }

    /// Sums at `round` (0 or 1), in total and per lead bureau, with counts
    /// per band. `bureaus` and `bands` are the sizes of the caller's tables.
    pub fn aggregate(
        &self,
        round: u8,
        bureaus: usize,
        bands: usize,
    ) -> Result<Aggregates, ReportError> {
        self.aggregate_frames(round, bureaus, bands)
            .map_err(frame_err)
    }

    fn aggregate_frames(
        &self,
        round: u8,
        bureaus: usize,
        bands: usize,
    ) -> PolarsResult<Aggregates> {
        let sums = || {
            let flag = |e: Expr| e.cast(DataType::Int64).sum();
            let status =
                |code: u8| flag(col("status").eq(lit(u32::from(code))).fill_null(lit(false)));
            [
                len().cast(DataType::Int64).alias("measures"),
                flag(col("completed").fill_null(lit(false))).alias("completed"),
                flag(col("status").is_not_null()).alias("reported"),
                status(GREEN).alias("green"),
                status(YELLOW).alias("yellow"),
                status(RED).alias("red"),
                flag(col("all_bureaus")).alias("all_bureaus"),
                col("allocated").sum().alias("allocated"),
                col("disbursed")
                    .fill_null(lit(0i64))
                    .sum()
                    .alias("disbursed"),
            ]
        };
        // joined once, then summed three ways
        let facts = self.at_round(round)?.lazy();
        let per_lead_df = facts
            .clone()
            .group_by([col("lead")])
            .agg(sums())
            .collect()?;
        let total_df = facts.clone().select(sums()).collect()?;
        let per_band = facts
            .clone()
            .group_by([col("lead"), col("band")])
            .agg([len().cast(DataType::Int64).alias("count")])
            .collect()?;

        let empty = Sums {
            bands: vec![0; bands],
            ..Sums::default()
        };
        let mut per_lead = vec![empty.clone(); bureaus];
        for (row, lead) in u32s(&per_lead_df, "lead")?.into_iter().enumerate() {
            if let Some(slot) = per_lead.get_mut(lead as usize) {
                *slot = sums_at(&per_lead_df, row, bands)?;
            }
        }
        let mut total = if total_df.height() == 1 {
            sums_at(&total_df, 0, bands)?
        } else {
            empty
        };
        let (leads, band_ix, counts) = (
            u32s(&per_band, "lead")?,
            u32s(&per_band, "band")?,
            i64s(&per_band, "count")?,
        );
        for ((lead, band), count) in leads.into_iter().zip(band_ix).zip(counts) {
            let count = u64::try_from(count).unwrap_or(0);
            if let Some(slot) = per_lead
                .get_mut(lead as usize)
                .and_then(|s| s.bands.get_mut(band as usize))
            {
                *slot = count;
            }
            if let Some(slot) = total.bands.get_mut(band as usize) {
                *slot += count;
            }
        }
        Ok(Aggregates { total, per_lead })
    }

    /// How many measures each bureau co-carries by name, indexed like the
    /// caller's bureau table. (Measures of all bureaus are counted from
    /// `Sums`, not expanded into a pair per bureau, which would grow with
    /// bureaus².)
    pub fn co_responsible(&self, bureaus: usize) -> Result<Vec<u64>, ReportError> {
        let run = || -> PolarsResult<Vec<u64>> {
            let by = self
                .co
                .clone()
                .lazy()
                .group_by([col("bureau")])
                .agg([len().cast(DataType::Int64).alias("count")])
                .collect()?;
            let mut out = vec![0u64; bureaus];
            for (b, n) in u32s(&by, "bureau")?.into_iter().zip(i64s(&by, "count")?) {
                if let Some(slot) = out.get_mut(b as usize) {
                    *slot = u64::try_from(n).unwrap_or(0);
                }
            }
            Ok(out)
        };
        run().map_err(frame_err)
    }

    /// The comparison of round 1 (then) with round 0 (now): a join of the
    /// two rounds' facts on the measure, in table order.
    pub fn changes(&self) -> Result<Changes, ReportError> {
        self.changes_frames().map_err(frame_err)
    }

    fn changes_frames(&self) -> PolarsResult<Changes> {
        let side = |round: u8, suffix: &str| {
            self.rounds
                .clone()
                .lazy()
                .filter(col("round").eq(lit(u32::from(round))))
                .select([
                    col("ix"),
                    col("status").alias(format!("status_{suffix}")),
                    col("completed").alias(format!("completed_{suffix}")),
                ])
        };
        let left = JoinArgs::new(JoinType::Left);
        let joined = self
            .ordered
            .clone()
            .lazy()
            .select([col("no"), col("ix")])
            .join(side(1, "then"), [col("ix")], [col("ix")], left.clone())
            .join(side(0, "now"), [col("ix")], [col("ix")], left)
            .with_columns([
                col("completed_then").fill_null(lit(false)),
                col("completed_now").fill_null(lit(false)),
            ])
            .filter(
                col("status_then")
                    .neq_missing(col("status_now"))
                    .or(col("completed_now").and(col("completed_then").not())),
            )
            .sort(["no"], SortMultipleOptions::default())
            .collect()?;
        let no = u32s(&joined, "no")?;
        let then = opt_u32s(&joined, "status_then")?;
        let now = opt_u32s(&joined, "status_now")?;
        let done_now = bools(&joined, "completed_now")?;
        let done_then = bools(&joined, "completed_then")?;
        let mut out = Changes::default();
        for i in 0..no.len() {
            let (a, b) = (status_of(then[i]), status_of(now[i]));
            if a != b {
                out.moves.push((no[i], a, b));
            }
            if done_now[i] && !done_then[i] {
                out.newly_completed.push(no[i]);
            }
        }
        Ok(out)
    }
}

fn sums_at(df: &DataFrame, row: usize, bands: usize) -> PolarsResult<Sums> {
    let v = |name: &str| -> PolarsResult<i64> { Ok(df.column(name)?.i64()?.get(row).unwrap_or(0)) };
    let n = |name: &str| -> PolarsResult<u64> { Ok(u64::try_from(v(name)?).unwrap_or(0)) };
    Ok(Sums {
        measures: n("measures")?,
        completed: n("completed")?,
        reported: n("reported")?,
        green: n("green")?,
        yellow: n("yellow")?,
        red: n("red")?,
        all_bureaus: n("all_bureaus")?,
        allocated: v("allocated")?,
        disbursed: v("disbursed")?,
        bands: vec![0; bands],
    })
}

fn u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<u32>> {
    Ok(df
        .column(name)?
        .u32()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

fn opt_u32s(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<u8>>> {
    Ok(df
        .column(name)?
        .u32()?
        .iter()
        .map(|v| v.and_then(|v| u8::try_from(v).ok()))
        .collect())
}

fn i64s(df: &DataFrame, name: &str) -> PolarsResult<Vec<i64>> {
    Ok(df
        .column(name)?
        .i64()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

fn bools(df: &DataFrame, name: &str) -> PolarsResult<Vec<bool>> {
    Ok(df
        .column(name)?
        .bool()?
        .iter()
        .map(|v| v.unwrap_or(false))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(lead: u32, approach: u32, local: u32, risk: u32, allocated: i64) -> MeasureFact {
        MeasureFact {
            lead,
            approach,
            all_bureaus: false,
            local,
            risk,
            allocated,
        }
    }

    fn entry(measure: u32, round: u8, status: TrafficLight, completed: bool) -> RoundFact {
        RoundFact {
            measure,
            round,
            status: Some(status),
            completed,
            disbursed: 10 * i64::from(measure + 1),
        }
    }

    #[test]
    fn orders_sums_and_compares_with_queries() {
        use TrafficLight::*;
        // risk 0 is banded 2, risk 1 unrated; measure 2 is of all bureaus
        let mut measures = vec![
            measure(1, 0, 0, 0, 100),
            measure(0, 1, 1, 1, 7),
            measure(0, 0, 0, 0, 0),
            measure(0, 1, 0, 1, 0),
        ];
        measures[2].all_bureaus = true;
        let rounds = [
            entry(0, 0, Green, true),
            entry(1, 0, Red, false),
            entry(2, 0, Yellow, false),
            entry(0, 1, Yellow, false),
            entry(1, 1, Red, false),
            entry(3, 1, Green, false),
        ];
        let facts = Facts::new(&[2, 0], &measures, &rounds, &[(0, 2), (1, 2), (1, 1)]).unwrap();
        let order: Vec<(u32, usize, u32)> = facts
            .order()
            .unwrap()
            .iter()
            .map(|p| (p.no, p.ix, p.band))
            .collect();
        // approach 0: lead 1's measure before the all-bureaus one; then
        // approach 1 by id rank
        assert_eq!(order, vec![(1, 0, 2), (2, 2, 2), (3, 3, 0), (4, 1, 0)]);

        let now = facts.aggregate(0, 3, 3).unwrap();
        assert_eq!(now.total.measures, 4);
        assert_eq!(now.total.reported, 3);
        assert_eq!(now.total.completed, 1);
        assert_eq!(
            (now.total.green, now.total.yellow, now.total.red),
            (1, 1, 1)
        );
        assert_eq!(now.total.allocated, 107);
        assert_eq!(now.total.disbursed, 10 + 20 + 30);
        assert_eq!(now.total.bands, vec![2, 0, 2]);
        assert_eq!(now.per_lead[0].measures, 3);
        assert_eq!(now.per_lead[0].all_bureaus, 1);
        assert_eq!(now.per_lead[1].bands, vec![0, 0, 1]);
        assert_eq!(
            now.per_lead[2],
            Sums {
                bands: vec![0; 3],
                ..Sums::default()
            }
        );
        assert_eq!(facts.co_responsible(3).unwrap(), vec![0, 1, 2]);

        let changes = facts.changes().unwrap();
        assert_eq!(
            changes.moves,
            vec![
                (1, Some(Yellow), Some(Green)),
                (2, None, Some(Yellow)),
                (3, Some(Green), None),
            ]
        );
        assert_eq!(changes.newly_completed, vec![1]);
    }
}
