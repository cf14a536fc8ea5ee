"""The event streams' shared watcher (``NoticeHub``): who hears of a change, and how a burst of
notices is paced. On the real server stores (SQLite and PostgreSQL), in a real event loop."""

from __future__ import annotations

import asyncio
import time

from dealkit.engine.auth.accounts import authenticate
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus
from dealkit.server.changes import high_water
from dealkit.server.events import EventSettings, Listener, NoticeHub
from tests.helpers.sync import token_for


def principal(store, username):
    with store.session() as session:
        return authenticate(session, token_for(store, username))


def add_item(store, status: ContentStatus, owner: str | None = None) -> int:
    with store.session() as session, session.begin():
        session.add(
            ContentItem(
                title=f"Battlecard {status}",
                kind=ContentKind.BATTLECARD,
                language="en",
                status=status,
                owner_id=owner,
            )
        )
    with store.session() as session:
        return high_water(session)


def test_only_the_people_who_may_see_a_change_hear_of_it(sync_server):
    store, people = sync_server.store, sync_server.people
    alex, bea = principal(store, "alex"), principal(store, "bea")

    async def scenario():
        hub = NoticeHub(store, EventSettings())
        with store.session() as session:
            start = high_water(session)
        listeners = [Listener(alex, start), Listener(alex, start), Listener(bea, start)]
        # bea's draft: only bea (its owner) may see it
        top = add_item(store, ContentStatus.DRAFT, owner=people.bea)
        seen, heard = hub._scan(listeners)
        assert seen == top
        assert heard == [listeners[2]]
        for listener in listeners:
            listener.cursor = seen
        # a published battlecard: every rep; alex's two laptops both
        top = add_item(store, ContentStatus.PUBLISHED)
        seen, heard = hub._scan(listeners)
        assert seen == top
        assert heard == listeners
        for listener in listeners:
            listener.cursor = seen
        # nothing new: nobody
        assert hub._scan(listeners) == (top, [])

    asyncio.run(scenario())


def test_a_burst_of_notices_is_paced_and_a_lone_one_goes_at_once(sync_server):
    store = sync_server.store
    alex = principal(store, "alex")

    async def scenario():
        hub = NoticeHub(store, EventSettings(notice_rate=20.0))
        lone = Listener(alex, 0)
        told = time.monotonic()
        hub._pace([lone], 7)
        await asyncio.wait_for(lone.news.wait(), 5)
        lone_after = time.monotonic() - told
        burst = [Listener(alex, 0) for _ in range(6)]
        arrived: dict[int, float] = {}

        async def wait_for(n: int, listener: Listener) -> None:
            await listener.news.wait()
            arrived[n] = time.monotonic()

        waiting = [asyncio.create_task(wait_for(n, x)) for n, x in enumerate(burst)]
        started = time.monotonic()
        hub._pace(list(burst), 9)
        await asyncio.wait_for(asyncio.gather(*waiting), 10)
        return lone, lone_after, burst, sorted(t - started for t in arrived.values())

    lone, lone_after, burst, times = asyncio.run(scenario())
    assert lone.heard == 7
    assert lone_after < 0.05 * 20  # "at once": no pacing delay for the first of a burst
    assert all(listener.heard == 9 for listener in burst)
    # at 20 per second the last of six goes out no sooner than 5 x 50 ms after the first
    # (timers only ever fire late, so this holds however busy the machine is)
    assert len(times) == 6
    assert times[-1] >= 0.25 * 0.9
