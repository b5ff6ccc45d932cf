"""Schema linking and few-shot retrieval with the real MiniLM embedder, FAISS and BM25."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from finsql.datasets import QuestionItem
from finsql.db import Database
from finsql.prompt.examples import ExampleIndex, schema_vocabulary
from finsql.prompt.retriever import RetrieverConfig, SchemaIndex
from finsql.prompt.structure import SchemaStructure
from finsql.schema import load_schema

DESCRIPTIONS = {
    "database": "funds",
    "tables": {
        "fund": {"en": "Fund profile, one row per fund.", "zh": "基金概况",
                 "columns": {"InnerCode": {"en": "Fund id.", "zh": "基金内码"},
                             "ChiName": {"en": "Fund name in Chinese.", "zh": "基金名称", "synonyms": ["fund name"]},
                             "FundType": {"en": "Fund type code.", "zh": "基金类型",
                                          "values": {1: "equity", 2: "bond"}}}},
        "nav": {"en": "Daily net asset value of each fund.", "zh": "基金每日净值",
                "columns": {"InnerCode": {"en": "Fund id.", "zh": "基金内码"},
                            "TradingDay": {"en": "Trading day.", "zh": "交易日"},
                            "UnitNV": {"en": "Unit net asset value.", "zh": "单位净值", "synonyms": ["unit NAV"]}}},
        "manager": {"en": "Fund managers: people who run funds.", "zh": "基金经理",
                    "columns": {"PersonID": {"en": "Manager id.", "zh": "经理编号"},
                                "Name": {"en": "Manager's name.", "zh": "经理姓名"},
                                "Education": {"en": "Highest degree.", "zh": "学历"}}},
        "fund_manager": {"en": "Which manager runs which fund, with tenure dates.", "zh": "基金经理任职",
                         "columns": {"InnerCode": {"en": "Fund id.", "zh": "基金内码"},
                                     "PersonID": {"en": "Manager id.", "zh": "经理编号"},
                                     "StartDate": {"en": "Tenure start.", "zh": "任职日期"}}},
    },
}


@pytest.fixture(scope="module")
def funds(tmp_path_factory) -> tuple[Database, Path]:
    root = tmp_path_factory.mktemp("funds")
    path = root / "funds.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE fund (InnerCode INTEGER PRIMARY KEY, ChiName TEXT, FundType INTEGER);
        CREATE TABLE nav (InnerCode INTEGER REFERENCES fund(InnerCode), TradingDay TEXT, UnitNV REAL,
                          PRIMARY KEY (InnerCode, TradingDay));
        CREATE TABLE manager (PersonID INTEGER PRIMARY KEY, Name TEXT, Education TEXT);
        CREATE TABLE fund_manager (InnerCode INTEGER REFERENCES fund(InnerCode),
                                   PersonID INTEGER REFERENCES manager(PersonID), StartDate TEXT);
        INSERT INTO fund VALUES (1, '华夏成长混合', 1), (2, '易方达消费行业', 1), (3, 'Harvest Bond Plus', 2);
        INSERT INTO nav VALUES (1, '2024-06-28', 1.034), (2, '2024-06-28', 2.298);
        INSERT INTO manager VALUES (10, '张坤', 'Master'), (11, 'Li Wei', 'PhD');
        INSERT INTO fund_manager VALUES (1, 10, '2019-01-02'), (2, 11, '2020-03-01');
    """)
    conn.commit()
    conn.close()
    yaml_path = root / "funds.yaml"
    yaml_path.write_text(json.dumps(DESCRIPTIONS, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return Database(path), yaml_path


@pytest.fixture(scope="module")
def index(funds, tmp_path_factory) -> SchemaIndex:
    db, yaml_path = funds
    return SchemaIndex.build(db, load_schema(db, descriptions=yaml_path))


@pytest.mark.parametrize(
    ("question", "table"),
    [("What was the unit NAV of each fund on 2024-06-28?", "nav"),
     ("List managers with a PhD.", "manager"),
     ("基金每日单位净值是多少？", "nav"),
     ("哪些基金经理是硕士学历？", "manager")],
)
def test_top_table_is_the_one_the_question_needs(index, question: str, table: str) -> None:
    retrieval = index.retrieve(question, RetrieverConfig(top_tables=1))
    assert retrieval.tables[0] == table


def test_values_named_in_the_question_are_matched_as_stored(index) -> None:
    retrieval = index.retrieve("What type is 华夏成长混合?", RetrieverConfig(top_tables=1))
    assert [(v.table, v.column, v.value) for v in retrieval.values] == [("fund", "ChiName", "华夏成长混合")]
    assert "fund" in retrieval.tables and "ChiName" in retrieval.columns["fund"]
    latin = index.retrieve("Show the NAV of harvest bond plus", RetrieverConfig(top_tables=2))
    assert [v.value for v in latin.values] == ["Harvest Bond Plus"]


def test_latin_values_match_whole_words_only(index) -> None:
    assert index.match_values("Is there a fund named Li Weiss?") == []


def test_tables_that_join_through_a_third_bring_it_along(index) -> None:
    retrieval = index.retrieve("Which manager (name, education) runs fund 华夏成长混合?",
                               RetrieverConfig(top_tables=2, top_columns=2))
    assert {"fund", "manager"} <= set(retrieval.tables)
    assert "fund_manager" in retrieval.tables
    assert {"InnerCode", "PersonID"} <= set(retrieval.columns["fund_manager"])


def test_key_columns_are_always_kept(index) -> None:
    retrieval = index.retrieve("unit NAV", RetrieverConfig(top_tables=1, top_columns=1, entity_tables=0))
    assert retrieval.tables == ["nav"]
    assert {"InnerCode", "TradingDay", "UnitNV"} == set(retrieval.columns["nav"])


def test_entity_tables_are_found_from_the_schema_alone(index) -> None:
    structure = SchemaStructure.of(index.schema)
    assert {name: (e.key, e.name_columns) for name, e in structure.entities.items()} == {
        "fund": ("InnerCode", ("ChiName",)), "manager": ("PersonID", ("Name",))}
    assert structure.links["fund_manager"] == ("fund", "manager")
    assert structure.links["nav"] == ("fund",)
    assert structure.time_columns["fund_manager"] == ("StartDate",)


def test_a_chosen_table_brings_the_entity_table_it_joins_through_with_its_names(index) -> None:
    bare = index.retrieve("unit NAV", RetrieverConfig(top_tables=1, top_columns=1, entity_tables=0))
    linked = index.retrieve("unit NAV", RetrieverConfig(top_tables=1, top_columns=1, entity_tables=1))
    assert "fund" not in bare.columns
    assert linked.tables == ["nav", "fund"] and linked.join_tables == ["fund"]
    assert linked.columns["fund"] == ["InnerCode", "ChiName"]


def test_time_columns_of_every_chosen_table_are_shown(index) -> None:
    for question in ("Who manages which fund?", "基金经理任职", "manager education"):
        retrieval = index.retrieve(question, RetrieverConfig(top_tables=4, top_columns=1))
        for table in set(retrieval.tables) - set(retrieval.join_tables):
            assert set(SchemaStructure.of(index.schema).time_columns[table]) <= set(retrieval.columns[table])


def test_a_bare_id_key_is_a_row_number_not_an_entity(tmp_path) -> None:
    path = tmp_path / "rows.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT);
            CREATE TABLE tag (id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES note(id), label TEXT);
            CREATE TABLE region (RegionCode TEXT PRIMARY KEY, RegionName TEXT);
            CREATE TABLE sales (id INTEGER PRIMARY KEY, RegionCode TEXT, EndDate TEXT, Year INTEGER, Amount REAL);
        """)
    structure = SchemaStructure.of(load_schema(Database(path)))
    assert set(structure.entities) == {"region"}
    assert structure.links["sales"] == ("region",)  # no foreign key: the shared RegionCode links them
    assert structure.time_columns["sales"] == ("EndDate", "Year")


def test_index_is_cached_on_disk_and_reused(funds, index, monkeypatch) -> None:
    db, yaml_path = funds
    import finsql.prompt.retriever as retriever

    def no_embedding(texts):
        raise AssertionError("the cached index should not embed the schema again")

    monkeypatch.setattr(retriever, "embed", no_embedding)
    again = SchemaIndex.build(db, load_schema(db, descriptions=yaml_path))
    assert again.dense.ntotal == index.dense.ntotal == len(index.docs)
    assert again.values == index.values


def test_changed_descriptions_rebuild_the_index(funds, index, tmp_path) -> None:
    db, _ = funds
    changed = json.loads(json.dumps(DESCRIPTIONS))
    changed["tables"]["nav"]["en"] = "Daily prices of funds."
    path = tmp_path / "changed.yaml"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    rebuilt = SchemaIndex.build(db, load_schema(db, descriptions=path))
    assert any("Daily prices of funds" in d.text for d in rebuilt.docs)
    assert not any("Daily prices of funds" in d.text for d in index.docs)


TRAIN = [
    ("How many funds are there?", "SELECT COUNT(*) FROM fund"),
    ("How many managers are there?", "SELECT COUNT(*) FROM manager"),
    ("What is the name of fund 1?", "SELECT ChiName FROM fund WHERE InnerCode = 1"),
    ("Which funds are equity funds?", "SELECT ChiName FROM fund WHERE FundType = 1"),
    ("Top 3 funds by unit NAV on 2024-06-28",
     "SELECT f.ChiName FROM fund f JOIN nav n ON f.InnerCode = n.InnerCode WHERE n.TradingDay = '2024-06-28' "
     "ORDER BY n.UnitNV DESC LIMIT 3"),
]


def test_examples_are_similar_and_never_the_question_itself(funds) -> None:
    db, yaml_path = funds
    vocabulary = schema_vocabulary(load_schema(db, descriptions=yaml_path))
    assert {"fund", "manager", "nav"} <= vocabulary
    index = ExampleIndex([QuestionItem(str(i), "funds", q, s) for i, (q, s) in enumerate(TRAIN)], vocabulary)
    examples = index.search("How many funds are there?", k=2)
    assert "How many funds are there?" not in [e.question for e in examples]
    assert examples[0].question == "How many managers are there?"
    assert len(examples) == 2 and examples[0].score >= examples[1].score


def test_a_training_paraphrase_never_sees_its_own_sql_among_its_examples(funds) -> None:
    db, yaml_path = funds
    vocabulary = schema_vocabulary(load_schema(db, descriptions=yaml_path))
    index = ExampleIndex([QuestionItem(str(i), "funds", q, s) for i, (q, s) in enumerate(TRAIN)], vocabulary)
    paraphrase = "How many funds are there in total?"  # a paraphrase of train pair 0, which would be an example
    assert TRAIN[0][1] in [e.sql for e in index.search(paraphrase, k=2)]
    kept = index.search(paraphrase, k=4, leave_out_sql="select count(*)   FROM fund")
    assert TRAIN[0][1] not in [e.sql for e in kept] and len(kept) == 4


def test_no_train_set_means_no_examples() -> None:
    assert ExampleIndex([]).search("anything", k=3) == []
