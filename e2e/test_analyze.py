"""`tarazu analyze --format json` against figures computed independently from the sample book's CSV files."""
import csv
import json
from decimal import ROUND_HALF_EVEN, Decimal

from conftest import REPO

BOOK = REPO / "samples/tabriz"


def rows(table):
    with open(BOOK / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ratio(part, whole):
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


def test_indicators_match_independent_computation(tarazu):
    result = tarazu("analyze", BOOK, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout, parse_float=Decimal)
    year = document["year"]
    assert year == 1403
    indicators = document["indicators"]
    # Consolidated: a line with a counterpart entity is a transfer inside the municipal group, left out.
    published = [row for row in rows("budget_lines") if int(row["year"]) == year]
    lines = [row for row in published if not row.get("counterpart_entity_code")]
    approved = sum(int(row["approved"]) for row in lines)
    realized = sum(int(row["realized"] or 0) for row in lines)
    capital = sum(int(row["approved"]) for row in lines if row["economic_class"] == "capital")
    assert indicators["execution.rate.total"]["value"] == ratio(realized, approved)
    assert indicators["expenditure.capital_share"]["value"] == ratio(capital, approved)
    revenues = [row for row in rows("revenues") if int(row["year"]) == year and not row.get("counterpart_entity_code")]
    fees = sum(int(row["realized"] or 0) for row in revenues if row["revenue_class"] in ("general_fees", "specific_fees"))
    assert indicators["revenue.fees_share"]["value"] == ratio(fees, sum(int(row["realized"] or 0) for row in revenues))
    # The duplicated figures: what the published tables count twice.
    factor = 1_000_000  # the sample's amount_unit is million_rial
    transfers = sum(int(row["approved"]) for row in published if row.get("counterpart_entity_code"))
    duplicated = indicators["group.duplicated_figures"]
    assert duplicated["value"] == transfers * factor
    assert duplicated["breakdown"]["with_duplicated_figures"] == sum(int(row["approved"]) for row in published) * factor
    assert duplicated["breakdown"]["without_duplicated_figures"] == approved * factor
    assert indicators["execution.rate.total"]["computed_on"]["consolidation"] == "without_duplicated_figures"
    assert "بدون احتساب ارقام تکراری" in indicators["execution.rate.total"]["computed_on"]["label_fa"]
    assert indicators["pefa.pi1"]["value"] in {"A", "B", "C", "D"}
    assert indicators["pefa.pi2"]["value"] in {"A", "B+", "B", "C+", "C", "D+", "D"}


def test_compliance_excess_matches_authorizations(tarazu):
    document = json.loads(tarazu("analyze", BOOK, "--format", "json").stdout)
    year = document["year"]
    factor = 1_000_000  # the sample's amount_unit is million_rial
    sales = {}
    for row in rows("revenues"):
        if int(row["year"]) == year and row["revenue_class"] == "capital_asset_sales":
            region = row["region_code"] or "0"
            sales[region] = sales.get(region, 0) + int(row["realized"] or 0) * factor
    authorized = {row["region_code"]: int(row["authorized_amount"]) * factor
                  for row in rows("authorizations") if int(row["year"]) == year and row["kind"] == "capital_asset_sales"}
    excess = sum(max(0, amount - authorized.get(region, 0)) for region, amount in sales.items())
    assert document["indicators"]["compliance.asset_sales_over_authorization"]["value"] == excess
