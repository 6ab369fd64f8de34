"""The store's coding tables: Goldstein, QuadClass, actor-code splitting, GDELT columns, and their loaders."""
from __future__ import annotations

import pytest

from kroniek.store import codes


def test_goldstein_known_and_fallback():
    assert codes.goldstein("040") == 1.0
    assert codes.goldstein("190") == -10.0
    # 1213 has no value of its own in GDELT's lookup: it takes its base code's
    assert codes.goldstein("1213") == codes.goldstein("121")
    assert codes.goldstein(None) is None
    assert codes.goldstein("99") is None


@pytest.mark.parametrize(("code", "quad"), [("0331", 1), ("057", 1), ("061", 2), ("090", 2), ("10", 3),
                                           ("141", 3), ("150", 4), ("193", 4), (None, None), ("xx", None)])
def test_quadclass_follows_gdelt(code, quad):
    assert codes.quadclass(code) == quad


def test_split_actor():
    assert codes.split_actor("RUSGOV") == {"country": "RUS", "group": "", "type1": "GOV", "type2": "", "type3": ""}
    assert codes.split_actor("IGOUNO")["type1"] == "IGO"
    assert codes.split_actor("IGOUNO")["group"] == "UNO"
    assert codes.split_actor("NLDGOVMIL")["type2"] == "MIL"
    assert codes.split_actor(None)["country"] == ""


def test_gdelt_columns_are_gdelts_61():
    cols = codes.gdelt_columns()
    assert len(cols) == 61
    assert cols[0] == "GLOBALEVENTID" and cols[26] == "EventCode" and cols[-1] == "SOURCEURL"


def test_bad_goldstein_row_names_file_and_line():
    with pytest.raises(codes.TableError, match=r"store/x.tsv, line 3: score 'abc'"):
        codes.parse_goldstein("x.tsv", [(2, "01\t0.0"), (3, "02\tabc")])
    with pytest.raises(codes.TableError, match="line 4"):
        codes.parse_goldstein("x.tsv", [(4, "01 0.0")])
    with pytest.raises(codes.TableError, match="outside"):
        codes.parse_goldstein("x.tsv", [(1, "01\t11")])


def test_bad_prefix_row_names_file_and_line():
    with pytest.raises(codes.TableError, match=r"store/p.tsv, line 7: kind 'planet'"):
        codes.parse_prefixes("p.tsv", [(7, "MRS\tplanet")])
    with pytest.raises(codes.TableError, match="line 2"):
        codes.parse_prefixes("p.tsv", [(2, "rus\tcountry")])
