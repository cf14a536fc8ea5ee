"""A push of many new quote versions at once (a laptop back online) gives the same answers and
rows as one at a time; a batch with anything else in it still says what happened to which."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from dealkit.engine.access import load_principal
from dealkit.engine.store.models import Customer, Quote, QuoteLine, User
from dealkit.engine.sync.protocol import APPLIED, REJECTED, UPSERT, Mutation
from dealkit.server.push import TRANSACTION_SIZE, apply_mutations
from tests.helpers.servers import running_server
from tests.helpers.sync import client, laptop, quote_data, save_local_quote, token_for


def _lines(store):
    with store.session() as session:
        rows = session.execute(
            select(
                Quote.id,
                Quote.number,
                Quote.version,
                Quote.status,
                QuoteLine.id,
                QuoteLine.position,
                QuoteLine.quantity,
                QuoteLine.list_price,
                QuoteLine.discount_percent,
                QuoteLine.net_amount,
                QuoteLine.pricing_inputs,
            ).join(QuoteLine, QuoteLine.quote_id == Quote.id)
        ).all()
    return sorted(tuple(row) for row in rows)


def test_thirty_versions_pushed_at_once_land_as_the_laptop_saved_them(sync_server, tmp_path):
    count = TRANSACTION_SIZE + 5  # two server transactions
    token = token_for(sync_server.store, "alex")
    one = laptop(tmp_path / "one")
    with running_server(sync_server.store) as url:
        sync = client(one, url, token)
        sync.sync()
        for n in range(count):
            save_local_quote(one, quote_data(f"Q-2026-{n:04d}", quantity=n + 1))
        report = sync.sync()
    assert (report.pushed, report.rejected, report.conflicts) == (count, [], [])
    # same ids, numbers, quantities and engine prices on both sides (the server re-priced each)
    assert _lines(sync_server.store) == _lines(one.store)
    assert len(_lines(one.store)) == count
    with sync_server.store.session() as session:
        seqs = session.scalars(select(Quote.server_seq).order_by(Quote.server_seq)).all()
    assert len(set(seqs)) == count and None not in seqs
    # written at once: a transaction's versions are numbered together, before their lines
    assert seqs[TRANSACTION_SIZE - 1] - seqs[0] == TRANSACTION_SIZE - 1


def _mutation(data, line_ids=None):
    return Mutation(
        str(uuid.uuid4()),
        "quotes",
        UPSERT,
        str(uuid.uuid4()),
        None,
        {"document": data, "line_ids": line_ids or [str(uuid.uuid4())]},
    )


def _push(sync_server, mutations):
    store = sync_server.store
    with store.session() as session:
        alex = load_principal(session, session.get(User, sync_server.people.alex))
    return apply_mutations(store, alex, mutations)


def test_one_bad_version_among_new_ones_is_refused_alone_with_its_reason(sync_server):
    bad = quote_data("Q-2026-0003")
    bad["lines"][0]["sku"] = "NO-SUCH-SKU"
    mutations = [_mutation(quote_data(f"Q-2026-{n:04d}")) for n in (1, 2)]
    mutations += [_mutation(bad)] + [_mutation(quote_data(f"Q-2026-{n:04d}")) for n in (4, 5)]
    results = _push(sync_server, mutations)
    assert [r.status for r in results] == [APPLIED, APPLIED, REJECTED, APPLIED, APPLIED]
    assert "unknown product 'NO-SUCH-SKU'" in results[2].reason
    assert [r.row_id for r in results] == [m.row_id for m in mutations]
    applied_rows = {r.row_id for r in results if r.status == APPLIED}
    with sync_server.store.session() as session:
        assert set(session.scalars(select(Quote.id))) == applied_rows
        assert session.scalar(select(Quote).where(Quote.number == "Q-2026-0003")) is None
    assert all(r.rows and r.rows[0].id == r.row_id for r in results if r.status == APPLIED)


def test_two_devices_numbering_the_same_version_in_one_push_keep_both(sync_server):
    first, second = _mutation(quote_data("Q-2026-0001")), _mutation(quote_data("Q-2026-0001"))
    results = _push(sync_server, [first, second])
    assert [r.status for r in results] == [APPLIED, APPLIED]
    assert results[1].conflict.endswith("this edit is kept as version 2")
    with sync_server.store.session() as session:
        versions = session.execute(select(Quote.number, Quote.version).order_by(Quote.version))
        assert versions.all() == [("Q-2026-0001", 1), ("Q-2026-0001", 2)]


def test_a_line_id_already_on_the_server_refuses_only_that_version(sync_server):
    taken = str(uuid.uuid4())
    _push(sync_server, [_mutation(quote_data("Q-2026-0001"), [taken])])
    again = _mutation(quote_data("Q-2026-0002"), [taken])
    results = _push(sync_server, [_mutation(quote_data("Q-2026-0003")), again])
    assert [r.status for r in results] == [APPLIED, REJECTED]
    assert "already used by another row" in results[1].reason
    with sync_server.store.session() as session:
        numbers = session.scalars(select(Quote.number).order_by(Quote.number)).all()
    assert numbers == ["Q-2026-0001", "Q-2026-0003"]


def test_a_customer_id_that_is_not_text_is_refused_with_its_field_not_a_server_error(sync_server):
    odd = quote_data("Q-2026-0002")
    odd["customer"] = {"name": "Atlantic Mutual Bank", "id": [1]}
    mutations = [_mutation(quote_data("Q-2026-0001")), _mutation(odd)]
    results = _push(sync_server, mutations)
    assert [r.status for r in results] == [APPLIED, REJECTED]
    assert "customer.id must be text" in results[1].reason


def test_of_two_customers_with_one_name_both_paths_take_the_same(sync_server):
    store = sync_server.store
    with store.session() as session, session.begin():
        for row_id, segment in (("ffffffff-0000-0000-0000-000000000001", "enterprise"),
                                ("00000000-0000-0000-0000-000000000002", "smb")):  # fmt: skip
            session.add(
                Customer(
                    id=row_id,
                    name="Dup Co",
                    industry="retail",
                    segment=segment,
                    region="north_america",
                    country="US",
                    currency="USD",
                )
            )
    alone = quote_data("Q-2026-0001")
    alone["customer"] = {"name": "Dup Co"}
    together = [_mutation({**alone, "number": f"Q-2026-000{n}"}) for n in (2, 3)]
    first = _push(sync_server, [_mutation(alone)])  # a transaction of one: all at once
    stale = Mutation(str(uuid.uuid4()), "quotes", "delete", str(uuid.uuid4()), None, {})
    rest = _push(sync_server, [stale, *together])  # a refusal: one at a time
    assert [r.status for r in first + rest] == [APPLIED, REJECTED, APPLIED, APPLIED]
    with store.session() as session:
        chosen = set(session.scalars(select(Quote.customer_id)))
    assert chosen == {"00000000-0000-0000-0000-000000000002"}


def test_a_version_or_number_the_database_cannot_hold_is_refused_not_a_server_error(sync_server):
    huge, long = quote_data("Q-2026-0002", version=10**30), quote_data("Q-" + "9" * 40)
    results = _push(sync_server, [_mutation(quote_data("Q-2026-0001")), _mutation(huge)])
    results += _push(sync_server, [_mutation(long)])
    assert [r.status for r in results] == [APPLIED, REJECTED, REJECTED]
    assert "from 1 to 9999" in results[1].reason and "keep it to 30" in results[2].reason
