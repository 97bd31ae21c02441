#!/usr/bin/env python3
"""An independent implementation of the capdash model (docs/scenario-format.md sections 2-4, 6-8),
written from the contract's text alone, and a generator of random valid scenarios.

Standard library only. The oracle never parses arbitrary YAML: it generates scenarios
as JSON-compatible dicts, writes them as YAML text itself, and evaluates the dicts.

    oracle.py cases --out DIR [--seeds 0-36]   write DIR/<case>.yaml and DIR/manifest.json
    oracle.py compare --capdash BIN [--seeds 0-36]   run capdash on every case and diff

Seed 0 is a hand-written Hyperion-style scenario; the others are random.
    oracle.py show SEED                              print one scenario's YAML and report

The manifest lists every case (scenario file, command-line arguments, expected JSON
report, the warnings expected as key paths) and the features the seeds cover.
"""

import json
import math
import os
import random
import re
import subprocess
import sys

# ---------------------------------------------------------------------------
# Contract constants

DEFAULTS = {
    "tax_rate": 0.21,
    "transaction_cost_rate": 0.02,
    "discount_rate": 0.08,
    "horizon_years": 5,
    "leaseback_cap_rate": 0.07,
    "pue": 1.1,
    "contribute_retained_stake": 0.2,
}

PRESETS = {  # section 8, in the table's order
    "H100 SXM": {"unit_capex": 50000.0, "power_kw": 1.3, "peak_flops": 989e12},
    "GB200 NVL72": {"unit_capex": 70000.0, "power_kw": 1.7, "peak_flops": 2.5e15},
}
DEFAULT_PRESET = "H100 SXM"
DEFAULT_MFU = 0.40
GPU_KEYS = ["name", "unit_capex", "power_kw", "peak_flops", "mfu"]

DEFAULT_MODELS = [
    {"name": "Llama 3.1 8B", "parameters": 8e9, "tokens": 15e12, "gpu_hours": 1.46e6},
    {"name": "Llama 3.1 70B", "parameters": 70e9, "tokens": 15e12, "gpu_hours": 7.0e6},
    {"name": "Llama 3.1 405B", "parameters": 405e9, "tokens": 15.6e12, "gpu_hours": 30.84e6},
    {"name": "Llama 4 Scout", "parameters": 17e9, "tokens": 40e12, "gpu_hours": 5.0e6},
    {"name": "Llama 4 Maverick", "parameters": 17e9, "tokens": 22e12, "gpu_hours": 2.38e6},
]
CARD_FLOPS_PER_GPU_HOUR = 3600 * 989e12 * 0.40  # the model cards' H100 basis

# ---------------------------------------------------------------------------
# Reading values the way section 2 defines them


def number(value):
    """A number, or a string that reads as a decimal number (quoted or not)."""
    if isinstance(value, bool):
        raise ValueError("not a number: %r" % value)
    if isinstance(value, (int, float)):
        return float(value)
    return float(value.strip())


MONEY = re.compile(r"^\$?([0-9][0-9,_]*)(\.[0-9]*)?([KMBTkmbt])?$")
SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}


def money(value):
    if isinstance(value, bool):
        raise ValueError("not money: %r" % value)
    if isinstance(value, (int, float)):
        return float(value)
    match = MONEY.match(value.strip())
    if not match:
        raise ValueError("not money: %r" % value)
    digits = match.group(1).replace(",", "").replace("_", "") + (match.group(2) or "")
    amount = float(digits)
    if match.group(3):
        amount *= SUFFIX[match.group(3).lower()]
    return amount


# ---------------------------------------------------------------------------
# GPUs (section 8)


def build_gpu(spec, explicit_override=None, preset_override=None):
    """A GPU from a `gpu:` mapping (None when absent): returns (gpu dict, preset it was
    built from or None). `explicit_override` holds `--set gpu.KEY` values in order;
    `preset_override` a `--set gpu.preset`, which replaces the file's preset while every
    key given explicitly (in the file or by --set) still wins."""
    spec = dict(spec or {})
    preset = spec.pop("preset", None)
    if preset_override is not None:
        preset = preset_override
    if preset is None and not spec:
        preset = DEFAULT_PRESET if not explicit_override else None
    if preset is not None:
        base = dict(PRESETS[preset], name=preset, mfu=DEFAULT_MFU)
    else:
        base = dict(PRESETS[DEFAULT_PRESET], name=DEFAULT_PRESET, mfu=DEFAULT_MFU)
    for key, value in list(spec.items()) + list((explicit_override or {}).items()):
        base[key] = value if key == "name" else (money(value) if key == "unit_capex" else number(value))
    return base, preset


def gpu_alternatives(assumptions, gpu, built_from, preset_override=None):
    if "gpu_alternatives" in assumptions:
        return [build_gpu(spec)[0] for spec in assumptions["gpu_alternatives"]]
    return [
        build_gpu({"preset": name})[0]
        for name in PRESETS
        if name != built_from and name != gpu["name"]
    ]


# ---------------------------------------------------------------------------
# The model


def discount(r, t):
    return 1.0 if r == 0 else (1.0 + r) ** (-t)


def evaluate(scenario, overrides=None):
    """The JSON report (section 4 with 6-8's additions) of a generated scenario dict,
    after command-line overrides: {"partner": [ids], "own": [ids], "set": [(key, value)]}."""
    overrides = overrides or {}
    assumptions = dict(scenario.get("assumptions") or {})
    gpu_sets = {}
    preset_override = None
    for key, value in overrides.get("set", []):
        if key == "gpu.preset":
            preset_override = value
        elif key.startswith("gpu."):
            gpu_sets[key[4:]] = value
        else:
            assumptions[key] = value
    a = {key: number(assumptions.get(key, default)) for key, default in DEFAULTS.items()}
    r, horizon = a["discount_rate"], a["horizon_years"]
    gpu, built_from = build_gpu(assumptions.get("gpu"), gpu_sets, preset_override)
    alternatives = gpu_alternatives(assumptions, gpu, built_from, preset_override)

    facilities = [dict(f) for f in scenario.get("facilities") or []]
    for f in facilities:
        for disposition in ("retain", "divest", "leaseback", "contribute"):
            if f["id"] in overrides.get(disposition, []):
                f["disposition"] = disposition
    developments = [dict(d) for d in scenario.get("developments") or []]
    for d in developments:
        if d["id"] in overrides.get("partner", []):
            d["financing"] = "partner"
        if d["id"] in overrides.get("own", []):
            d["financing"] = "own"

    annuity = horizon if r == 0 else (1 - (1 + r) ** (-horizon)) / r

    # Facilities (sections 3 and 6)
    gross = gain_before_costs = released = capex_base = opex_base = rent_base = equity = 0.0
    mw = {"retained": 0.0, "divested": 0.0, "ai_retained": 0.0, "ai_divested": 0.0}
    counts = {"retain": 0, "divest": 0, "leaseback": 0, "contribute": 0}
    regions = {}
    facility_rows = []
    warnings = []
    for index, f in enumerate(facilities):
        disposition = f["disposition"]
        counts[disposition] += 1
        book = money(f["book_value"])
        price = money(f["sale_price"]) if f.get("sale_price") is not None else None
        opex, capex = money(f["annual_opex"]), money(f["annual_capex"])
        capacity = number(f["capacity_mw"])
        ai_ready = bool(f.get("ai_ready", False))
        stake = number(f["retained_stake"]) if f.get("retained_stake") is not None else a["contribute_retained_stake"]
        phi = {"retain": 0.0, "divest": 1.0, "leaseback": 1.0, "contribute": 1.0 - stake}[disposition]
        region = regions.setdefault(f["region"], {"facilities": 0, "retained_mw": 0.0, "divested_mw": 0.0, "gross_proceeds": 0.0})
        region["facilities"] += 1
        if disposition != "retain":
            gross += phi * price
            gain_before_costs += phi * (price - book)
            released += phi * book
            capex_base += phi * capex
            region["gross_proceeds"] += phi * price
        if disposition == "divest":
            opex_base += opex
            mw["divested"] += capacity
            region["divested_mw"] += capacity
            if ai_ready:
                mw["ai_divested"] += capacity
        else:
            mw["retained"] += capacity
            region["retained_mw"] += capacity
            if ai_ready:
                mw["ai_retained"] += capacity
        if disposition in ("leaseback", "contribute"):
            rent = money(f["leaseback_rent"]) if f.get("leaseback_rent") is not None else a["leaseback_cap_rate"] * price
            rent_base += phi * rent
        if disposition == "contribute":
            equity += stake * price
        # Warnings, in the order capdash words them per facility.
        base = "facilities[%d]" % index
        if f.get("retained_stake") is not None and disposition != "contribute":
            warnings.append({"path": base + ".retained_stake", "mentions": f["id"]})
        if f.get("leaseback_rent") is not None and disposition not in ("leaseback", "contribute"):
            warnings.append({"path": base + ".leaseback_rent", "mentions": f["id"]})
        if disposition != "retain" and price < book:
            warnings.append({"path": base + ".sale_price", "mentions": f["id"]})
        if disposition == "divest" and ai_ready:
            warnings.append({"path": base + ".disposition", "mentions": f["id"]})
        facility_rows.append({
            "id": f["id"], "name": f["name"], "region": f["region"], "disposition": disposition,
            "capacity_mw": capacity, "ai_ready": ai_ready, "book_value": book, "sale_price": price,
            "annual_opex": opex, "annual_capex": capex,
        })

    transaction_costs = a["transaction_cost_rate"] * gross
    gain = gain_before_costs - transaction_costs
    tax = a["tax_rate"] * max(0.0, gain)
    net_proceeds = gross - transaction_costs - tax

    # Developments (section 7)
    load_warnings = []
    rows = []
    totals = dict.fromkeys(
        ["capex_avoided_pv", "net_rent_pv", "rvg_expected_pv", "rvg_max_payment", "lease_liability_pv",
         "off_balance_sheet_pv", "development_equity"], 0.0)
    developing_mw = ai_developing_mw = 0.0
    partner_count = 0
    for index, d in enumerate(developments):
        cost = money(d["development_cost"])
        build = int(d["build_years"])
        stake = number(d["retained_stake"]) if d.get("retained_stake") is not None else a["contribute_retained_stake"]
        lease = d["lease"]
        y = number(lease["yield_on_cost"])
        g = number(lease.get("escalation", 0))
        start = int(lease["start_year"]) if lease.get("start_year") is not None else build + 1
        firm = int(lease["firm_years"])
        expected = int(lease["expected_years"]) if lease.get("expected_years") is not None else firm
        p = number(lease.get("exit_probability", 0))
        capacity = number(d["capacity_mw"])
        ai_ready = bool(d.get("ai_ready", True))
        if lease.get("start_year") is not None and start <= build:
            load_warnings.append({"path": "developments[%d].lease.start_year" % index, "mentions": d["id"]})

        def rent(t):
            return y * cost * (1 + g) ** (t - start)

        build_pv = cost / build * sum(discount(r, t) for t in range(1, build + 1))
        firm_pv = sum(rent(t) * discount(r, t) for t in range(start, start + firm))
        renewal_pv = sum(rent(t) * discount(r, t) for t in range(start + firm, start + expected))
        expected_pv = firm_pv + (1 - p) * renewal_pv
        guarantee = d.get("residual_value_guarantee")
        if guarantee is not None:
            guaranteed = money(guarantee["amount"]) * max(0.0, 1 - firm / int(guarantee["decline_years"]))
            shortfall = max(0.0, guaranteed - number(guarantee["fair_value_ratio"]) * cost)
        else:
            guaranteed = shortfall = 0.0
        row = {
            "id": d["id"], "name": d["name"], "region": d["region"], "capacity_mw": capacity, "ai_ready": ai_ready,
            "financing": d["financing"], "retained_stake": stake, "development_cost": cost, "first_rent_year": start,
            "build_pv": build_pv, "capex_avoided_pv": 0.0, "firm_rent_pv": firm_pv, "expected_rent_pv": expected_pv,
            "net_rent_pv": 0.0, "lease_liability_pv": 0.0, "off_balance_sheet_pv": 0.0,
            "rvg_guaranteed_value": guaranteed, "rvg_expected_pv": 0.0, "development_equity": 0.0,
        }
        if d["financing"] == "partner":
            partner_count += 1
            row["capex_avoided_pv"] = (1 - stake) * build_pv
            row["net_rent_pv"] = (1 - stake) * expected_pv
            row["rvg_expected_pv"] = p * shortfall * discount(r, start + firm - 1)
            row["lease_liability_pv"] = firm_pv
            row["off_balance_sheet_pv"] = expected_pv - firm_pv
            row["development_equity"] = stake * cost
            totals["rvg_max_payment"] += guaranteed
        for key in ["capex_avoided_pv", "net_rent_pv", "rvg_expected_pv", "lease_liability_pv",
                    "off_balance_sheet_pv", "development_equity"]:
            totals[key] += row[key]
        developing_mw += capacity
        if ai_ready:
            ai_developing_mw += capacity
        rows.append(row)

    avoided_capex_pv = annuity * capex_base
    capex_freed = net_proceeds + avoided_capex_pv + totals["capex_avoided_pv"]
    avoided_opex_pv = annuity * opex_base
    leaseback_rent_pv = annuity * rent_base
    net_cash_pv = (capex_freed + avoided_opex_pv - leaseback_rent_pv - totals["net_rent_pv"]
                   - totals["rvg_expected_pv"])

    # Training compute (sections 3 and 8)
    models = scenario.get("assumptions", {}).get("reference_models", DEFAULT_MODELS)
    flops_of = []
    for m in models:
        if m.get("gpu_hours") is not None:
            flops_of.append(number(m["gpu_hours"]) * CARD_FLOPS_PER_GPU_HOUR)
        else:
            flops_of.append(6 * number(m["parameters"]) * number(m["tokens"]))

    def fleet(gpu):
        fundable = 0 if capex_freed <= 0 else int(math.floor(capex_freed / gpu["unit_capex"]))
        hours = fundable * 8760
        flops = hours * 3600 * gpu["peak_flops"] * gpu["mfu"]
        return fundable, fundable * gpu["power_kw"] * a["pue"] / 1000, hours, flops

    fundable, power, hours, flops = fleet(gpu)
    per_gpu_kw = gpu["power_kw"] * a["pue"]
    displaced = int(math.floor(mw["ai_divested"] * 1000 / per_gpu_kw))
    model_rows = []
    for m, training_flops in zip(models, flops_of):
        gpu_hours = training_flops / (3600 * gpu["peak_flops"] * gpu["mfu"])
        model_rows.append({
            "name": m["name"], "training_flops": training_flops, "gpu_hours": gpu_hours,
            "runs_per_year": flops / training_flops,
            "days_on_fleet": None if fundable == 0 else gpu_hours / fundable / 24,
        })
    alternative_rows = []
    for alternative in alternatives:
        alt_fundable, alt_power, _, alt_flops = fleet(alternative)
        alternative_rows.append({
            "gpu": alternative["name"], "unit_capex": alternative["unit_capex"], "gpus_fundable": alt_fundable,
            "power_needed_mw": alt_power, "flops_per_year": alt_flops,
            "models": [{"name": m["name"], "runs_per_year": alt_flops / tf} for m, tf in zip(models, flops_of)],
        })

    region_rows = [dict(region=name, **regions[name]) for name in sorted(regions, key=lambda n: n.encode("utf-8"))]
    report = {
        "schema": "capdash/report/v1",
        "scenario": scenario["name"],
        "currency": scenario.get("currency", "USD"),
        "counts": dict(facilities=len(facilities), **counts, developments=len(developments),
                       partner_financed=partner_count),
        "finance": {
            "gross_proceeds": gross, "transaction_costs": transaction_costs, "gain_on_sale": gain, "tax": tax,
            "net_proceeds": net_proceeds, "book_value_released": released, "annuity_factor": annuity,
            "avoided_capex_pv": avoided_capex_pv, "capex_freed": capex_freed, "avoided_opex_pv": avoided_opex_pv,
            "leaseback_rent_pv": leaseback_rent_pv, "net_cash_pv": net_cash_pv, "retained_equity": equity,
            "development_capex_avoided_pv": totals["capex_avoided_pv"], "development_rent_pv": totals["net_rent_pv"],
            "rvg_expected_pv": totals["rvg_expected_pv"], "rvg_max_payment": totals["rvg_max_payment"],
            "lease_liability_pv": totals["lease_liability_pv"], "off_balance_sheet_pv": totals["off_balance_sheet_pv"],
            "development_equity": totals["development_equity"],
        },
        "capacity": {
            "retained_mw": mw["retained"], "divested_mw": mw["divested"],
            "ai_ready_retained_mw": mw["ai_retained"], "ai_ready_divested_mw": mw["ai_divested"],
            "developing_mw": developing_mw, "ai_ready_developing_mw": ai_developing_mw,
        },
        "training": {
            "gpu": gpu["name"], "gpus_fundable": fundable, "power_needed_mw": power, "gpu_hours_per_year": hours,
            "flops_per_year": flops, "gpus_displaced": displaced, "gpu_hours_forgone_per_year": displaced * 8760,
            "gpus_hostable_developing": int(math.floor(ai_developing_mw * 1000 / per_gpu_kw)),
            "models": model_rows, "alternatives": alternative_rows,
        },
        "regions": region_rows,
        "facilities": facility_rows,
        "developments": rows,
    }
    return report, load_warnings + warnings


# ---------------------------------------------------------------------------
# Writing YAML (block style; every string double-quoted, JSON escapes being YAML's)


def yaml_scalar(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Plain):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class Plain(str):
    """A string written unquoted (an identifier like `partner`, or money like 450M)."""


def to_yaml(value, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) and item:
                lines.append("%s%s:" % (pad, key))
                lines.extend(to_yaml(item, indent + 2))
            elif isinstance(item, list) and item:
                lines.append("%s%s:" % (pad, key))
                lines.extend(to_yaml(item, indent + 2))
            elif isinstance(item, (dict, list)):
                lines.append("%s%s: %s" % (pad, key, "{}" if isinstance(item, dict) else "[]"))
            else:
                lines.append("%s%s: %s" % (pad, key, yaml_scalar(item)))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                inner = to_yaml(item, indent + 2)
                lines.append(pad + "- " + inner[0][indent + 2:])
                lines.extend(inner[1:])
            else:
                lines.append(pad + "- " + yaml_scalar(item))
    return lines


def yaml_text(scenario, comment):
    return "# %s\n" % comment + "\n".join(to_yaml(scenario)) + "\n"


# ---------------------------------------------------------------------------
# Random valid scenarios


REGIONS = ["US", "EU", "APAC", "LATAM", "eu", "\u00dcberland"]
WORDS = ["Prineville", "Odense", "Ashburn", "Dallas", "Hyperion", "Mesa", "Lule\u00e5", "Paris: Nord", "Hall #2", "Crane"]


def random_money(rng, low, high, allow_text=True):
    """Money as a plain number, or now and then as text capdash must parse."""
    amount = rng.uniform(low, high)
    style = rng.random() if allow_text else 1.0
    if style < 0.15:
        return Plain("%.3fM" % (amount / 1e6))
    if style < 0.22:
        return "$%sK" % format(round(amount / 1e3, 2), ",")
    if style < 0.27:
        return Plain("{:_}".format(int(amount)))
    if style < 0.35:
        return int(amount)
    return round(amount, 2)


def random_rate(rng, low, high, quoted=False):
    value = round(rng.uniform(low, high), 6)
    return str(value) if quoted and rng.random() < 0.2 else value


def shuffled(rng, mapping, keep_first=()):
    first = [(k, mapping[k]) for k in keep_first if k in mapping]
    rest = [(k, v) for k, v in mapping.items() if k not in keep_first]
    rng.shuffle(rest)
    return dict(first + rest)


def generate(seed):
    rng = random.Random(seed)
    ids = set()

    def new_id(prefix):
        while True:
            candidate = "%s-%s%d" % (prefix, rng.choice(["a", "b.", "x_", "Z"]), rng.randrange(1000))
            if candidate not in ids:
                ids.add(candidate)
                return candidate

    scenario = {"schema": Plain("capdash/v1"), "name": "Oracle scenario %d %s" % (seed, rng.choice(WORDS))}
    if rng.random() < 0.3:
        scenario["currency"] = rng.choice(["USD", "EUR", "kr"])

    # Assumptions: a random subset, with the edge values the contract allows.
    assumptions = {}
    if seed % 5 == 0:
        assumptions["discount_rate"] = rng.choice([0, 0.0])
    elif rng.random() < 0.6:
        assumptions["discount_rate"] = rng.choice([random_rate(rng, 0.01, 0.2, True), 1, 0.5])
    for key, (low, high) in {"tax_rate": (0, 0.4), "transaction_cost_rate": (0, 0.05),
                             "leaseback_cap_rate": (0.03, 0.12), "contribute_retained_stake": (0, 0.6)}.items():
        if rng.random() < 0.5:
            assumptions[key] = random_rate(rng, low, high, True)
    if rng.random() < 0.5:
        assumptions["horizon_years"] = rng.choice([1, 3, 5, 10, 30, 100])
    if rng.random() < 0.5:
        assumptions["pue"] = rng.choice([1, 1.08, random_rate(rng, 1, 1.6)])

    gpu_style = seed % 7
    if gpu_style == 1:
        assumptions["gpu"] = {"name": "Custom accelerator", "unit_capex": random_money(rng, 20000, 90000),
                              "power_kw": random_rate(rng, 0.5, 2.5), "peak_flops": rng.uniform(3e14, 5e15),
                              "mfu": random_rate(rng, 0.2, 0.6)}
    elif gpu_style == 2:  # partial: the rest defaults
        assumptions["gpu"] = {"unit_capex": random_money(rng, 20000, 90000)}
    elif gpu_style == 3:
        assumptions["gpu"] = {"preset": Plain(rng.choice(list(PRESETS)))}
    elif gpu_style == 4:  # preset beside overrides, in any key order
        gpu = {"preset": rng.choice(list(PRESETS))}
        for key in rng.sample(["name", "unit_capex", "power_kw", "peak_flops", "mfu"], rng.randint(1, 3)):
            gpu[key] = {"name": "Tuned " + rng.choice(WORDS), "unit_capex": random_money(rng, 30000, 90000),
                        "power_kw": random_rate(rng, 1, 2), "peak_flops": rng.uniform(5e14, 3e15),
                        "mfu": random_rate(rng, 0.3, 0.55)}[key]
        assumptions["gpu"] = shuffled(rng, gpu)
    elif gpu_style == 5:  # named after a preset, without the preset key
        name = rng.choice(list(PRESETS))
        assumptions["gpu"] = dict(name=name, **{k: v for k, v in PRESETS[name].items()})
    elif gpu_style == 6 and rng.random() < 0.5:  # named like nothing, rest defaults
        assumptions["gpu"] = {"name": "Unnamed box", "mfu": 0.35}

    alternatives_style = seed % 3
    if alternatives_style == 1:
        alternatives = []
        for _ in range(rng.randint(1, 3)):
            kind = rng.random()
            if kind < 0.35:
                alternatives.append({"preset": rng.choice(list(PRESETS))})
            elif kind < 0.6:
                alternatives.append(shuffled(rng, {"preset": rng.choice(list(PRESETS)),
                                                   "unit_capex": random_money(rng, 30000, 90000)}))
            else:
                alt = {"name": "Alt " + rng.choice(WORDS), "unit_capex": random_money(rng, 10000, 90000),
                       "power_kw": random_rate(rng, 0.4, 2.5), "peak_flops": rng.uniform(2e14, 5e15)}
                if rng.random() < 0.5:
                    alt["mfu"] = random_rate(rng, 0.2, 0.6)
                alternatives.append(shuffled(rng, alt))
        assumptions["gpu_alternatives"] = alternatives
    elif alternatives_style == 2 and seed % 4 == 0:
        assumptions["gpu_alternatives"] = []

    if seed % 4 == 1:
        models = []
        for number_ in range(rng.randint(1, 3)):
            model = {"name": "Model %d" % number_, "parameters": rng.uniform(1e9, 5e11),
                     "tokens": rng.uniform(1e12, 4e13)}
            if rng.random() < 0.5:
                model["gpu_hours"] = rng.uniform(1e5, 5e7)
            models.append(model)
        models[0].pop("gpu_hours", None)
        if len(models) > 1:
            models[-1]["gpu_hours"] = rng.uniform(1e5, 5e7)
        assumptions["reference_models"] = models
    if assumptions or rng.random() < 0.5:
        scenario["assumptions"] = shuffled(rng, assumptions)

    # Facilities: every disposition, with and without stakes and rents.
    shape = seed % 6
    facility_count = 0 if shape in (0, 1) else rng.randint(1, 7)
    facilities = []
    for index in range(facility_count):
        disposition = ["retain", "divest", "leaseback", "contribute"][(seed + index) % 4]
        book = random_money(rng, 5e6, 9e8)
        f = {"id": new_id("f"), "name": rng.choice(WORDS) + " %d" % index, "region": rng.choice(REGIONS)}
        if rng.random() < 0.3:
            f["country"] = rng.choice(["US", "DE", "SE"])
        f["capacity_mw"] = rng.choice([0, round(rng.uniform(1, 300), 3), rng.randint(1, 200)])
        if rng.random() < 0.7:
            f["ai_ready"] = rng.random() < 0.5
        if rng.random() < 0.3:
            f["commissioned"] = rng.randint(1995, 2026)
        f["book_value"] = book
        if disposition != "retain" or rng.random() < 0.5:
            f["sale_price"] = random_money(rng, 3e6, 1.2e9)
        f["annual_opex"] = random_money(rng, 0, 6e7)
        f["annual_capex"] = random_money(rng, 0, 3e7)
        f["disposition"] = Plain(disposition)
        if rng.random() < 0.45:
            f["leaseback_rent"] = random_money(rng, 1e6, 8e7)
        if rng.random() < 0.45:
            f["retained_stake"] = rng.choice([0, random_rate(rng, 0, 0.95), 0.5])
        facilities.append(shuffled(rng, f, keep_first=("id",)))

    # Developments: own and partner, every lease shape, with and without a guarantee.
    development_count = 0 if shape == 5 else rng.randint(1, 4)
    if shape == 0:
        development_count = max(development_count, 1)
    developments = []
    for index in range(development_count):
        build = rng.choice([1, 2, 4, rng.randint(1, 20), 20])
        firm = rng.choice([1, 4, rng.randint(1, 50), 50])
        lease = {"yield_on_cost": rng.choice([random_rate(rng, 0.04, 0.15, True), 1])}
        case = (seed + index) % 4
        if case == 0:
            lease["start_year"] = rng.randint(1, build)  # before or at the end of the build
        elif case == 1:
            lease["start_year"] = build
        elif case == 2:
            lease["start_year"] = rng.randint(build + 1, min(100, build + 10))
        if rng.random() < 0.6:
            lease["escalation"] = rng.choice([0, random_rate(rng, 0, 0.05, True), 0.5])
        lease["firm_years"] = firm
        expected_case = rng.random()
        if expected_case < 0.3:
            lease["expected_years"] = firm
        elif expected_case < 0.75:
            lease["expected_years"] = rng.randint(firm, 50)
        p_case = (seed + 2 * index) % 5
        if p_case == 0:
            lease["exit_probability"] = 0
        elif p_case == 1:
            lease["exit_probability"] = 1
        elif p_case == 2:
            lease["exit_probability"] = random_rate(rng, 0.01, 0.99, True)
        elif p_case == 3:
            lease["exit_probability"] = 0.5
        cost = random_money(rng, 1e8, 4e10)
        d = {"id": new_id("d"), "name": "Campus %d %s" % (index, rng.choice(WORDS)), "region": rng.choice(REGIONS),
             "capacity_mw": rng.choice([0, round(rng.uniform(10, 3000), 2)])}
        if rng.random() < 0.6:
            d["ai_ready"] = rng.random() < 0.6
        d["development_cost"] = cost
        d["build_years"] = build
        d["financing"] = Plain(rng.choice(["partner", "partner", "own"]) if index else ["partner", "own"][seed % 2])
        if rng.random() < 0.5:
            d["retained_stake"] = rng.choice([0, random_rate(rng, 0, 0.9), 0.2])
        d["lease"] = shuffled(rng, lease)
        if (seed + index) % 3 != 2:
            amount_case = rng.random()
            money_value = money(cost)
            guarantee = {
                "amount": 0 if amount_case < 0.1 else random_money(rng, 0.2 * money_value, 1.2 * money_value),
                "decline_years": rng.choice([firm, max(1, firm - 1), rng.randint(1, 100), 16, min(100, firm + rng.randint(1, 40))]),
                "fair_value_ratio": rng.choice([0, random_rate(rng, 0, 1.2), 0.6, random_rate(rng, 0, 0.3)]),
            }
            d["residual_value_guarantee"] = shuffled(rng, guarantee)
        developments.append(shuffled(rng, d, keep_first=("id",)))

    if shape == 1:
        scenario["facilities"] = []
    elif facilities or shape != 0:
        scenario["facilities"] = facilities
    if developments or rng.random() < 0.3:
        scenario["developments"] = developments
    return scenario


def features(scenario, overrides, report):
    """What a scenario exercises, to check the fixed seeds cover every hard case."""
    found = set()
    if report["training"]["gpus_fundable"] == 0:
        found.add("training:no-gpus")
    for row in report["developments"]:
        if row["rvg_expected_pv"] > 0:
            found.add("rvg:expected-payment")
    for d in scenario.get("developments") or []:
        guarantee = d.get("residual_value_guarantee")
        if guarantee and d["lease"]["firm_years"] >= guarantee["decline_years"]:
            found.add("rvg:fully-declined")
    assumptions = scenario.get("assumptions", {})
    if "facilities" not in scenario:
        found.add("file:developments-only")
    elif not scenario["facilities"]:
        found.add("file:empty-facilities")
    if not scenario.get("developments"):
        found.add("file:no-developments")
    if number(assumptions.get("discount_rate", 0.08)) == 0:
        found.add("discount_rate:0")
    for f in scenario.get("facilities") or []:
        disposition = f["disposition"]
        found.add("facility:%s:%s" % (disposition, "stake" if "retained_stake" in f else "no-stake"))
        found.add("facility:%s:%s" % (disposition, "rent" if "leaseback_rent" in f else "no-rent"))
    for d in scenario.get("developments") or []:
        lease, build = d["lease"], d["build_years"]
        found.add("development:" + ("partner" if d["id"] in overrides.get("partner", []) else
                                    "own" if d["id"] in overrides.get("own", []) else d["financing"]))
        found.add("development:guarantee" if "residual_value_guarantee" in d else "development:no-guarantee")
        found.add("development:stake" if "retained_stake" in d else "development:default-stake")
        start = lease.get("start_year")
        found.add("start_year:" + ("default" if start is None else "before-build-end" if start < build
                                   else "at-build-end" if start == build else "after-build-end"))
        if lease.get("expected_years") == lease["firm_years"]:
            found.add("expected_years:firm")
        p = lease.get("exit_probability")
        if p is not None and number(p) in (0, 1):
            found.add("exit_probability:%d" % number(p))
        if number(lease.get("escalation", 0)) == 0:
            found.add("escalation:0")
    gpu = assumptions.get("gpu")
    if gpu and "preset" in gpu and len(gpu) > 1:
        found.add("gpu:preset-with-overrides")
        if list(gpu)[0] != "preset":
            found.add("gpu:overrides-before-preset")
    elif gpu and "preset" in gpu:
        found.add("gpu:preset")
    elif gpu:
        found.add("gpu:explicit")
        if gpu.get("name") in PRESETS:
            found.add("gpu:named-as-preset")
        elif "name" in gpu:
            found.add("gpu:custom-name")
    alternatives = assumptions.get("gpu_alternatives")
    if alternatives is None:
        found.add("alternatives:default")
    elif not alternatives:
        found.add("alternatives:empty")
    else:
        found.update("alternatives:" + ("preset" if "preset" in a else "explicit") for a in alternatives)
    for m in assumptions.get("reference_models", []):
        found.add("models:" + ("gpu_hours" if "gpu_hours" in m else "no-gpu_hours"))
    for key, _ in overrides.get("set", []):
        found.add("override:--set " + key)
    for flag in ("partner", "own", "retain", "divest", "leaseback", "contribute"):
        if overrides.get(flag):
            found.add("override:--" + flag)
    return found


REQUIRED_FEATURES = sorted(
    ["file:developments-only", "file:empty-facilities", "file:no-developments", "discount_rate:0"]
    + ["facility:%s:%s" % (d, k) for d in ("retain", "divest", "leaseback", "contribute")
       for k in ("stake", "no-stake", "rent", "no-rent")]
    + ["development:partner", "development:own", "development:guarantee", "development:no-guarantee",
       "development:stake", "development:default-stake", "start_year:default", "start_year:before-build-end",
       "start_year:at-build-end", "start_year:after-build-end", "expected_years:firm", "exit_probability:0",
       "exit_probability:1", "escalation:0", "gpu:preset", "gpu:preset-with-overrides",
       "gpu:overrides-before-preset", "gpu:explicit", "alternatives:default", "alternatives:empty",
       "alternatives:preset", "alternatives:explicit", "gpu:named-as-preset", "gpu:custom-name",
       "training:no-gpus", "rvg:expected-payment", "rvg:fully-declined", "models:gpu_hours", "models:no-gpu_hours",
       "override:--partner", "override:--own", "override:--set contribute_retained_stake",
       "override:--set gpu.preset", "override:--set discount_rate", "override:--contribute"])


def override_cases(seed, scenario):
    """Command-line overrides tried on some seeds: (suffix, arguments, overrides)."""
    rng = random.Random(seed * 7919)
    cases = []
    developments = scenario.get("developments") or []
    if seed % 4 == 0 and developments:
        chosen = rng.sample([d["id"] for d in developments], rng.randint(1, len(developments)))
        half = len(chosen) // 2
        partner, own = chosen[:half] or chosen, chosen[half:] if half else []
        args = ["--partner", ",".join(partner)] + (["--own", ",".join(own)] if own else [])
        cases.append(("financing", args, {"partner": partner, "own": own}))
    if seed % 3 == 0:
        stake = round(rng.uniform(0, 0.9), 4)
        cases.append(("stake", ["--set", "contribute_retained_stake=%r" % stake],
                      {"set": [("contribute_retained_stake", stake)]}))
    if seed % 7 == 3:
        cases.append(("undiscounted", ["--set", "discount_rate=0"], {"set": [("discount_rate", 0.0)]}))
    priced = [f["id"] for f in scenario.get("facilities") or [] if f.get("sale_price") is not None]
    if seed % 6 == 4 and priced:
        moves = {}
        for identifier in rng.sample(priced, min(len(priced), 3)):
            moves.setdefault(rng.choice(["retain", "divest", "leaseback", "contribute"]), []).append(identifier)
        args = [item for disposition, ids in sorted(moves.items()) for item in ("--" + disposition, ",".join(ids))]
        cases.append(("dispositions", args, moves))
    if seed % 5 == 2:
        preset = rng.choice(list(PRESETS))
        sets = [("gpu.preset", preset)]
        if rng.random() < 0.5:
            sets.insert(rng.randint(0, 1), ("gpu.unit_capex", round(rng.uniform(20000, 80000), 2)))
        args = []
        for key, value in sets:
            args += ["--set", "%s=%s" % (key, value)]
        cases.append(("preset", args, {"set": sets}))
    return cases


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        if "-" in part:
            low, high = part.split("-")
            seeds.extend(range(int(low), int(high) + 1))
        elif part:
            seeds.append(int(part))
    return seeds


def hyperion():
    """Seed 0: the structure section 7 describes (27B, 4-year build, 20% stake, 4-year firm
    term with renewals, a guarantee over 16 years), written by hand."""
    return {
        "schema": Plain("capdash/v1"), "name": "Hyperion-style financing", "as_of": Plain("2025-10-31"),
        "developments": [{
            "id": "us-hyperion", "name": "Hyperion campus", "region": "US", "capacity_mw": 2000,
            "development_cost": Plain("27B"), "build_years": 4, "financing": Plain("partner"),
            "retained_stake": 0.2,
            "lease": {"yield_on_cost": 0.09, "escalation": 0.02, "start_year": 5, "firm_years": 4,
                      "expected_years": 20, "exit_probability": 0.1},
            "residual_value_guarantee": {"amount": Plain("28B"), "decline_years": 16, "fair_value_ratio": 0.6},
        }],
    }


def all_cases(seeds):
    """Every case: (name, scenario, arguments, overrides)."""
    cases = []
    for seed in seeds:
        scenario = hyperion() if seed == 0 else generate(seed)
        cases.append(("seed-%d" % seed, seed, scenario, [], {}))
        for suffix, args, overrides in override_cases(seed, scenario):
            cases.append(("seed-%d-%s" % (seed, suffix), seed, scenario, args, overrides))
    return cases


def integer_paths(value, path=""):
    """The key paths of counts and floors, which must match exactly (JSON cannot say int from float)."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in integer_paths(item, "%s.%s" % (path, key) if path else key)]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in integer_paths(item, "%s[%d]" % (path, index))]
    return [path] if isinstance(value, int) and not isinstance(value, bool) else []


def write_cases(out, seeds):
    os.makedirs(out, exist_ok=True)
    manifest = {"cases": [], "covered": [], "required": REQUIRED_FEATURES}
    covered = set()
    for name, seed, scenario, args, overrides in all_cases(seeds):
        path = os.path.join(out, "seed-%d.yaml" % seed)
        if not args:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(yaml_text(scenario, "oracle.py seed %d" % seed))
        report, warnings = evaluate(scenario, overrides)
        covered |= features(scenario, overrides, report)
        manifest["cases"].append({"name": name, "file": path, "arguments": args, "expected": report,
                                  "integers": integer_paths(report), "warnings": warnings})
    manifest["covered"] = sorted(covered)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, allow_nan=False)
    return manifest


# ---------------------------------------------------------------------------
# Comparing a capdash report with the oracle's (the Swift test applies the same rules)

MONEY_SECTIONS = ("finance", "developments")  # sums that may cancel: absolute floor from siblings


def compare(expected, actual, path="", siblings_scale=0.0):
    """The first difference as a message, or None."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return "%s: expected an object, found %r" % (path, actual)
        if set(expected) != set(actual):
            return "%s: keys differ: missing %s, unexpected %s" % (
                path, sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected)))
        scale = 0.0
        if any(section in path for section in MONEY_SECTIONS):
            scale = max([abs(v) for v in expected.values() if isinstance(v, float)] or [0.0])
        for key in expected:
            difference = compare(expected[key], actual[key], "%s.%s" % (path, key) if path else key, scale)
            if difference:
                return difference
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            return "%s: expected %d elements, found %r" % (path, len(expected), actual)
        for index, (e, a) in enumerate(zip(expected, actual)):
            difference = compare(e, a, "%s[%d]" % (path, index), siblings_scale)
            if difference:
                return difference
        return None
    if isinstance(expected, str):
        return None if isinstance(actual, str) and expected == actual else "%s: expected %r, found %r" % (path, expected, actual)
    if isinstance(expected, bool) or expected is None:
        return None if expected is actual else "%s: expected %r, found %r" % (path, expected, actual)
    if isinstance(expected, int):
        return None if not isinstance(actual, bool) and actual == expected else "%s: expected %r, found %r" % (path, expected, actual)
    if not isinstance(actual, (int, float)) or isinstance(actual, bool):
        return "%s: expected %r, found %r" % (path, expected, actual)
    if close(expected, actual, siblings_scale):
        return None
    return "%s: expected %r, found %r" % (path, expected, actual)


def close(expected, actual, scale=0.0):
    difference = abs(expected - actual)
    return difference <= 1e-9 * max(abs(expected), abs(actual)) or difference <= 1e-12 * scale


def compare_warnings(expected, actual):
    if len(expected) != len(actual):
        return "warnings: expected %d (%s), found %d: %s" % (
            len(expected), [w["path"] for w in expected], len(actual), actual)
    for index, (e, a) in enumerate(zip(expected, actual)):
        if ": %s: " % e["path"] not in a or e["mentions"] not in a:
            return "warnings[%d]: expected %s about %s, found %r" % (index, e["path"], e["mentions"], a)
    return None


def run_compare(binary, seeds, out):
    manifest = write_cases(out, seeds)
    failures = 0
    for case in manifest["cases"]:
        result = subprocess.run([binary, "report", case["file"], "--format", "json"] + case["arguments"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            print("%s: capdash exited %d: %s" % (case["name"], result.returncode, result.stderr.strip()))
            failures += 1
            continue
        actual = json.loads(result.stdout)
        warnings = actual.pop("warnings", None)
        difference = compare(case["expected"], actual) or compare_warnings(case["warnings"], warnings)
        if difference:
            print("%s %s: %s" % (case["name"], " ".join(case["arguments"]), difference))
            failures += 1
    missing = sorted(set(manifest["required"]) - set(manifest["covered"]))
    if missing:
        print("not covered:", missing)
    print("%d cases, %d differ" % (len(manifest["cases"]), failures))
    return 1 if failures or missing else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command = argv[1]
    options = dict(zip(argv[2::2], argv[3::2]))
    seeds = parse_seeds(options.get("--seeds", "0-36"))
    if command == "cases":
        manifest = write_cases(options["--out"], seeds)
        missing = sorted(set(manifest["required"]) - set(manifest["covered"]))
        print("%d cases; not covered: %s" % (len(manifest["cases"]), missing or "none"))
        return 0
    if command == "compare":
        out = options.get("--out") or os.path.join(os.environ.get("TMPDIR", "/tmp"), "capdash-oracle-%d" % os.getpid())
        return run_compare(options["--capdash"], seeds, out)
    if command == "show":
        scenario = hyperion() if argv[2] == "0" else generate(int(argv[2]))
        print(yaml_text(scenario, "oracle.py seed %s" % argv[2]))
        report, warnings = evaluate(scenario)
        print(json.dumps(report, indent=1, ensure_ascii=False))
        print(json.dumps(warnings, indent=1))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
