// The eight svydesign calls of golden.R, rebuilt on the same CSV exports.
import { buildDesign, type LonelyPsu, type SurveyDesign } from "../../src/estimate/index.js";
import { loadCsv, type Table } from "./reference.js";

export interface NamedDesign {
  name: string;
  data: Table;
  design: SurveyDesign;
}

const ids = (t: Table, col: string) => t.str(col).map((v) => v ?? "");

export function loadDesigns(): Map<string, NamedDesign> {
  const srs = loadCsv("apisrs.csv");
  const strat = loadCsv("apistrat.csv");
  const clus1 = loadCsv("apiclus1.csv");
  const clus2 = loadCsv("apiclus2.csv");
  const list: NamedDesign[] = [
    { name: "dsrs", data: srs, design: buildDesign({ n: srs.nrow, fpc: [srs.num("fpc")] }) },
    { name: "dsrsw", data: srs, design: buildDesign({ n: srs.nrow, weights: srs.num("pw") }) },
    {
      name: "dstrat",
      data: strat,
      design: buildDesign({ n: strat.nrow, strata: ids(strat, "stype"), weights: strat.num("pw"), fpc: [strat.num("fpc")] }),
    },
    { name: "dstratnofpc", data: strat, design: buildDesign({ n: strat.nrow, strata: ids(strat, "stype"), weights: strat.num("pw") }) },
    { name: "dwonly", data: strat, design: buildDesign({ n: strat.nrow, weights: strat.num("pw") }) },
    {
      name: "dclus1",
      data: clus1,
      design: buildDesign({ n: clus1.nrow, ids: [ids(clus1, "dnum")], weights: clus1.num("pw"), fpc: [clus1.num("fpc")] }),
    },
    { name: "dclus1nofpc", data: clus1, design: buildDesign({ n: clus1.nrow, ids: [ids(clus1, "dnum")], weights: clus1.num("pw") }) },
    {
      name: "dclus2",
      data: clus2,
      design: buildDesign({ n: clus2.nrow, ids: [ids(clus2, "dnum"), ids(clus2, "snum")], fpc: [clus2.num("fpc1"), clus2.num("fpc2")] }),
    },
  ];
  return new Map(list.map((d) => [d.name, d]));
}

/** golden.R's lonely-PSU design: id=~1, weights=~pw, strata=~dnum on apiclus1. */
export function lonelyDesign(policy: LonelyPsu): NamedDesign {
  const clus1 = loadCsv("apiclus1.csv");
  return {
    name: `lonely.psu ${policy}`,
    data: clus1,
    design: buildDesign({ n: clus1.nrow, strata: ids(clus1, "dnum"), weights: clus1.num("pw"), lonelyPsu: policy }),
  };
}

/** 0/1 indicator of a text column equal to a value (NaN where missing). */
export function indicator(t: Table, col: string, value: string): Float64Array {
  return Float64Array.from(t.str(col), (v) => (v === null ? NaN : v === value ? 1 : 0));
}
