#!/usr/bin/env python3
"""Writes the fictional department's 2023 and 2024 budget sources from the Tongnan 2022 source.

The portal's year comparison needs one department with two years. The only real source bundled is
one year of a real office, so this makes a *fictional* department (示例县示例事务中心) whose line items
are the Tongnan ones renamed and changed by fixed rules: basic spending moves by a fixed rate a year,
projects keep their amounts, and 2024 drops one project. Every figure is invented; the disclosures
built from these files say so in their duties text. Needs PyYAML. Run from the repository root:

    python3 examples/fictional/make.py
"""
from decimal import Decimal, ROUND_HALF_UP
import copy, os, yaml

BASE = "examples/tongnan-xinfang-2022/budget.yaml"
NAME = "示例县示例事务中心"
UNITS = {"001": "示例县示例事务中心", "002": "示例县示例服务站"}
# Basic spending's yearly change (人员经费, 日常公用经费) per year.
RATES = {2023: (Decimal("1.03"), Decimal("0.98")), 2024: (Decimal("1.02"), Decimal("1.01"))}
DROPPED_IN_2024 = 1  # the index of the project 2024 no longer funds
THREE_PUBLIC = {"30212": "3p-outbound", "30217": "3p-reception", "30231": "3p-vehicle-operation", "31013": "3p-vehicle-purchase"}


def hundreds(x):
    return (x / 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * 100


def money(x):
    return f"{x:.2f}"


def prior_year(src):
    """Last year's figures at the level the tables need, computed from last year's source."""
    kinds = {u["code"]: u["kind"] for u in src["units"]}
    functional, basic, project, operating, three = {}, Decimal(0), Decimal(0), Decimal(0), {}
    for li in src["line_items"]:
        a = Decimal(li["amount"])
        if li.get("fund", "一般公共预算拨款") == "一般公共预算拨款":
            functional[li["functional"]] = functional.get(li["functional"], Decimal(0)) + a
        if "project" in li:
            project += a
        else:
            basic += a
            if li.get("nature") == "日常公用经费" and kinds.get(li["unit"]) == "行政":
                operating += a
        item = THREE_PUBLIC.get(li["economic"])
        if item:
            three[item] = three.get(item, Decimal(0)) + a
    return {"functional": {k: money(v) for k, v in sorted(functional.items())}, "basic": money(basic),
            "project": money(project), "operating_cost": money(operating),
            "three_public": {k: money(v) for k, v in sorted(three.items())}}


def next_year(src, year):
    out = copy.deepcopy(src)
    out["year"] = year
    out["department"] = NAME
    out["contact"] = "示例数据，无联系人"
    out["duties"] = f"{NAME}是虚构的示例部门，用于演示预算公开门户的年度对比功能；本预算的全部数字均为虚构。\n"
    out["staffing"]["as_of"] = f"{year - 1}年12月"
    out["composition"] = f"{NAME}下设1个事业单位，即：{UNITS['002']}。"
    for u in out["units"]:
        u["name"] = UNITS.get(u["code"], u["name"])
    staff, office = RATES[year]
    for li in out["line_items"]:
        if "project" in li:
            continue
        rate = staff if li.get("nature") == "人员经费" else office
        li["amount"] = money(hundreds(Decimal(li["amount"]) * rate))
    if year == 2024:
        dropped = out["projects"][DROPPED_IN_2024]["code"]
        out["projects"] = [p for i, p in enumerate(out["projects"]) if i != DROPPED_IN_2024]
        out["line_items"] = [li for li in out["line_items"] if li.get("project") != dropped]
    for p in out["projects"]:
        p["start"], p["end"] = f"{year}年", f"{year}年"
    for u in out["units"]:
        total = sum(Decimal(li["amount"]) for li in out["line_items"] if li["unit"] == u["code"])
        for r in out["revenue"]:
            if r["unit"] == u["code"]:
                r["amount"] = money(total)
    out["prior_year"] = prior_year(src)
    reason = "示例数据：基本支出按虚构的年度增长率调整" + ("，不再安排一个项目" if year == 2024 else "")
    out["reasons"] = [{"subject": s, "text": reason} for s in
                      ["total", "general", "basic", "project", "operating-cost", "three-public", "201", "208", "210", "221"]]
    basic = [g for g in out.get("overall_indicators", []) if g["name"] in ("项目支出数", "基本支出数")]
    for g in basic:
        wanted = Decimal(out_prior_sum(out, g["name"] == "项目支出数")) / 10000
        g["value"] = f"{wanted.normalize():f}"
    return out


def out_prior_sum(src, projects):
    return sum(Decimal(li["amount"]) for li in src["line_items"] if ("project" in li) == projects)


def renamed(value, year):
    """Every text of the source with the real place and year replaced by the fictional ones."""
    if isinstance(value, dict):
        return {k: renamed(v, year) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, year) for v in value]
    if isinstance(value, str):
        return value.replace("潼南区", "示例县").replace("潼南", "示例").replace("2022年", f"{year}年")
    return value


def main():
    with open(BASE, encoding="utf-8") as f:
        base = yaml.safe_load(f)
    base["department"] = NAME
    for u in base["units"]:
        u["name"] = UNITS.get(u["code"], u["name"])
    previous = base
    for year in (2023, 2024):
        src = next_year(previous, year)
        for key in ("projects", "overall_goals", "overall_indicators", "reasons"):
            src[key] = renamed(src[key], year)
        folder = f"examples/fictional/{year}"
        os.makedirs(folder, exist_ok=True)
        with open(f"{folder}/budget.yaml", "w", encoding="utf-8") as f:
            f.write(f"# {NAME} {year} 年部门预算 — FICTIONAL example data, written by examples/fictional/make.py.\n")
            yaml.safe_dump(src, f, allow_unicode=True, sort_keys=False, width=200)
        previous = src


main()
