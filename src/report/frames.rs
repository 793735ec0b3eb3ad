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
//! `agg` / `join` / `sort` queries over them, planned together and run in
//! one `collect_all` ([`Facts::figures`]). Money is Int64 satang
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
    /// Index of its approach group, in report order.
    pub approach: u32,
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

/// Every figure of the summary, from one polars run.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// The measures in table order.
    pub order: Vec<Placed>,
    /// Sums at the round reported on.
    pub now: Aggregates,
    /// Sums at the round compared with, when one is.
    pub then: Option<Aggregates>,
    /// How many measures each bureau co-carries by name, indexed like the
    /// caller's bureau table. (Measures of all bureaus are counted from
    /// `Sums`, not expanded into a pair per bureau, which would grow with
    /// bureaus².)
    pub co_named: Vec<u64>,
    /// Round compared with → round reported on; empty without a comparison.
    pub changes: Changes,
}

/// The facts of a year as frames, before any query has run.
pub struct Facts {
    risks: DataFrame,
    measures: DataFrame,
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
        Ok(Facts {
            risks,
            measures,
            rounds,
            co,
        })
    }

    /// Every figure, with `compare` the round compared with (1) as well as
    /// the one reported on (0). `bureaus` and `bands` are the sizes of the
    /// caller's tables.
    ///
    /// The queries are planned together and run in one `collect_all`: what
    /// several share (the measures joined with their bands, the table
    /// order, each round's facts) is computed once, and polars' fixed cost
    /// of planning and starting a query is paid once rather than a dozen
    /// times, which at a secretariat's size was most of the summary's time.
    pub fn figures(
        &self,
        compare: bool,
        bureaus: usize,
        bands: usize,
    ) -> Result<Figures, ReportError> {
        self.figures_frames(compare, bureaus, bands)
            .map_err(frame_err)
    }

    fn figures_frames(&self, compare: bool, bureaus: usize, bands: usize) -> PolarsResult<Figures> {
        let banded = self.banded();
        let ordered = self.ordered(banded.clone());
        let rounds: &[u8] = if compare { &[0, 1] } else { &[0] };
        let mut plans = vec![ordered.clone(), self.co_named()];
        plans.extend(Facts::sums(self.at_rounds(banded, rounds)?));
        if compare {
            plans.push(self.changes_query(ordered));
        }
        let opt = plans[0].get_current_optimizations();
        let frames = LazyFrame::collect_all_with_engine(
            plans.into_iter().map(|p| p.logical_plan).collect(),
            Engine::InMemory,
            opt,
        )?;
        let [ordered, co, per_lead, total, per_band, rest @ ..] = frames.as_slice() else {
            polars_bail!(ComputeError: "collect_all gave {} frames", frames.len());
        };
        let at = |round: u8| Facts::aggregates(per_lead, total, per_band, round, bureaus, bands);
        Ok(Figures {
            order: placed(ordered)?,
            now: at(0)?,
            then: if compare { Some(at(1)?) } else { None },
            co_named: counts_by(co, "bureau", bureaus)?,
            changes: match rest {
                [changes] => changes_of(changes)?,
                _ => Changes::default(),
            },
        })
    }

    /// The measures with the `band` of their risk (0 when it is not rated).
    fn banded(&self) -> LazyFrame {
        self.measures
            .clone()
            .lazy()
            .join(
                self.risks.clone().lazy(),
                [col("risk")],
                [col("risk")],
                JoinArgs::new(JoinType::Left),
            )
            .with_column(col("band").fill_null(lit(0u32)))
            .cache()
    }

    /// `no`, `ix`, `band` in seed 002's order: approach group, then the
    /// measures of named bureaus in official bureau order, then those of
    /// all bureaus (ทุกสำนัก), each by id; numbered from 1.
    fn ordered(&self, banded: LazyFrame) -> LazyFrame {
        banded
            .sort(
                ["approach", "all_bureaus", "lead", "local"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .with_row_index("no", Some(1))
            .select([
                col("no").cast(DataType::UInt32),
                col("ix"),
                col("band"),
                col("approach"),
            ])
            .cache()
    }

    /// Every measure at each of `rounds` (0, or 0 and 1) with its figures
    /// there; a measure with no entry for a round counts as not reported.
    fn at_rounds(&self, banded: LazyFrame, rounds: &[u8]) -> PolarsResult<LazyFrame> {
        let each: Vec<LazyFrame> = rounds
            .iter()
            .map(|&r| {
                banded
                    .clone()
                    .with_column(lit(u32::from(r)).cast(DataType::UInt32).alias("round"))
            })
            .collect();
        let keys = [col("ix"), col("round")];
        Ok(concat(each, UnionArgs::default())?
            .join(
                self.rounds.clone().lazy(),
                keys.clone(),
                keys,
                JoinArgs::new(JoinType::Left),
            )
            .cache())
    }

    /// Each round's sums per lead bureau, in total, and counts per lead
    /// and band. The measures are gone through once, summed per round,
    /// lead and band; the per-lead sums and the totals are sums of those
    /// few cells.
    fn sums(facts: LazyFrame) -> [LazyFrame; 3] {
        const SUMMED: [&str; 9] = [
            "measures",
            "completed",
            "reported",
            "green",
            "yellow",
            "red",
            "all_bureaus",
            "allocated",
            "disbursed",
        ];
        let flag = |e: Expr| e.cast(DataType::Int64).sum();
        let status = |code: u8| flag(col("status").eq(lit(u32::from(code))).fill_null(lit(false)));
        let cells = facts
            .group_by([col("round"), col("lead"), col("band")])
            .agg([
                len().cast(DataType::Int64).alias(SUMMED[0]),
                flag(col("completed").fill_null(lit(false))).alias(SUMMED[1]),
                flag(col("status").is_not_null()).alias(SUMMED[2]),
                status(GREEN).alias(SUMMED[3]),
                status(YELLOW).alias(SUMMED[4]),
                status(RED).alias(SUMMED[5]),
                flag(col("all_bureaus")).alias(SUMMED[6]),
                col("allocated").sum().alias(SUMMED[7]),
                col("disbursed").fill_null(lit(0i64)).sum().alias(SUMMED[8]),
            ])
            .cache();
        let summed = || SUMMED.map(|c| col(c).sum());
        [
            cells
                .clone()
                .group_by([col("round"), col("lead")])
                .agg(summed()),
            cells.clone().group_by([col("round")]).agg(summed()),
            cells.select([
                col("round"),
                col("lead"),
                col("band"),
                col("measures").alias("count"),
            ]),
        ]
    }

    /// Named co-responsible bureaus and how many measures each carries.
    fn co_named(&self) -> LazyFrame {
        self.co
            .clone()
            .lazy()
            .group_by([col("bureau")])
            .agg([len().cast(DataType::Int64).alias("count")])
    }

    /// The comparison of round 1 (then) with round 0 (now): a join of the
    /// two rounds' facts on the measure, in table order, keeping the
    /// measures whose status moved or that were completed since.
    fn changes_query(&self, ordered: LazyFrame) -> LazyFrame {
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
        ordered
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
    }

    /// The [`Aggregates`] of `round` from the three frames of sums.
    fn aggregates(
        per_lead_df: &DataFrame,
        total_df: &DataFrame,
        per_band: &DataFrame,
        round: u8,
        bureaus: usize,
        bands: usize,
    ) -> PolarsResult<Aggregates> {
        let round = u32::from(round);
        let empty = Sums {
            bands: vec![0; bands],
            ..Sums::default()
        };
        let mut per_lead = vec![empty.clone(); bureaus];
        let rows = u32s(per_lead_df, "round")?.into_iter().enumerate();
        for ((row, _), lead) in rows
            .zip(u32s(per_lead_df, "lead")?)
            .filter(|((_, r), _)| *r == round)
        {
            if let Some(slot) = per_lead.get_mut(lead as usize) {
                *slot = sums_at(per_lead_df, row, bands)?;
            }
        }
        let mut total = match u32s(total_df, "round")?.iter().position(|r| *r == round) {
            Some(row) => sums_at(total_df, row, bands)?,
            None => empty,
        };
        let (rounds, leads, band_ix, counts) = (
            u32s(per_band, "round")?,
            u32s(per_band, "lead")?,
            u32s(per_band, "band")?,
            i64s(per_band, "count")?,
        );
        let cells = rounds.into_iter().zip(leads).zip(band_ix).zip(counts);
        for (((_, lead), band), count) in cells.filter(|(((r, _), _), _)| *r == round) {
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
}

/// The table's order and numbering from the `ordered` frame.
fn placed(df: &DataFrame) -> PolarsResult<Vec<Placed>> {
    let (no, ix) = (u32s(df, "no")?, u32s(df, "ix")?);
    let (band, approach) = (u32s(df, "band")?, u32s(df, "approach")?);
    Ok(no
        .into_iter()
        .zip(ix)
        .zip(band)
        .zip(approach)
        .map(|(((no, ix), band), approach)| Placed {
            no,
            ix: ix as usize,
            band,
            approach,
        })
        .collect())
}

/// `count` per index in column `key`, as a vector of `len`.
fn counts_by(df: &DataFrame, key: &str, len: usize) -> PolarsResult<Vec<u64>> {
    let mut out = vec![0u64; len];
    for (k, n) in u32s(df, key)?.into_iter().zip(i64s(df, "count")?) {
        if let Some(slot) = out.get_mut(k as usize) {
            *slot = u64::try_from(n).unwrap_or(0);
        }
    }
    Ok(out)
}

/// [`Changes`] from the joined frame of the two rounds.
fn changes_of(joined: &DataFrame) -> PolarsResult<Changes> {
    let no = u32s(joined, "no")?;
    let then = opt_u32s(joined, "status_then")?;
    let now = opt_u32s(joined, "status_now")?;
    let done_now = bools(joined, "completed_now")?;
    let done_then = bools(joined, "completed_then")?;
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
        let figures = facts.figures(true, 3, 3).unwrap();
        let order: Vec<(u32, usize, u32)> =
            figures.order.iter().map(|p| (p.no, p.ix, p.band)).collect();
        // approach 0: lead 1's measure before the all-bureaus one; then
        // approach 1 by id rank
        assert_eq!(order, vec![(1, 0, 2), (2, 2, 2), (3, 3, 0), (4, 1, 0)]);

        let now = &figures.now;
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
        assert_eq!(figures.co_named, vec![0, 1, 2]);

        let changes = &figures.changes;
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
