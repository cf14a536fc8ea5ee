"""The clause library Dealkit ships with (Northwind Systems' standard terms, English and Thai).

Kept as YAML text in a module, not a data file, so that it travels inside the frozen app with no
packaging rule; ``--clauses FILE`` (or the server's synced library) replaces it.
"""

from __future__ import annotations

from functools import cache

from dealkit.engine.terms.library import ClauseLibrary, parse_library

STANDARD_CLAUSES_YAML = """\
clauses:
  - id: std-payment
    title: Payment
    kind: standard
    language: en
    text: Payment is due within 30 days of the invoice date.
  - id: alt-payment-45
    title: Payment (45 days)
    kind: alternative
    alternative_to: std-payment
    language: en
    text: Payment is due within 45 days of the invoice date.
  - id: std-warranty
    title: Hardware warranty
    kind: standard
    language: en
    families: [SRV, STO, NET]
    text: >-
      Hardware carries a three-year next-business-day parts and labour warranty from the date
      of delivery.
  - id: std-subscription-renewal
    title: Subscription renewal
    kind: standard
    language: en
    families: [SUB]
    text: >-
      Subscriptions renew for the same term unless either party gives written notice at least
      60 days before the end of the term.
  - id: std-liability
    title: Limitation of liability
    kind: standard
    language: en
    text: >-
      Each party's total liability under this agreement is limited to the fees paid or payable
      in the twelve months before the event giving rise to the claim.
  - id: std-law-us
    title: Governing law
    kind: standard
    language: en
    regions: [north_america]
    text: This agreement is governed by the laws of the State of New York.
  - id: std-law-th
    title: Governing law
    kind: standard
    language: en
    regions: [apac]
    text: This agreement is governed by the laws of the Kingdom of Thailand.
  - id: std-data-th
    title: Personal data
    kind: standard
    language: en
    regions: [apac]
    text: >-
      Personal data is processed in accordance with the Personal Data Protection Act B.E. 2562
      (2019) of Thailand.
  - id: opt-onsite-spares
    title: On-site spares
    kind: optional
    language: en
    families: [SRV, STO]
    text: Northwind keeps a kit of critical spare parts at the customer's main site.
  - id: opt-escrow
    title: Source code escrow
    kind: optional
    language: en
    families: [SUB]
    text: >-
      Northwind deposits the source code of the subscribed software with an independent escrow
      agent, released to the customer if Northwind ceases to support it.
  - id: th.std-payment
    title: การชำระเงิน
    kind: standard
    language: th
    text: ชำระเงินภายใน 30 วัน นับจากวันที่ในใบแจ้งหนี้
  - id: th.std-warranty
    title: การรับประกันฮาร์ดแวร์
    kind: standard
    language: th
    families: [SRV, STO, NET]
    text: ฮาร์ดแวร์รับประกันอะไหล่และค่าแรง 3 ปี แบบวันทำการถัดไป นับจากวันที่ส่งมอบ
  - id: th.std-liability
    title: การจำกัดความรับผิด
    kind: standard
    language: th
    text: ความรับผิดรวมของแต่ละฝ่ายไม่เกินค่าบริการที่ชำระในสิบสองเดือนก่อนเกิดเหตุแห่งการเรียกร้อง
  - id: th.std-law
    title: กฎหมายที่ใช้บังคับ
    kind: standard
    language: th
    text: สัญญานี้อยู่ภายใต้บังคับแห่งกฎหมายของราชอาณาจักรไทย
"""


@cache
def standard_library() -> ClauseLibrary:
    return parse_library(STANDARD_CLAUSES_YAML, "Dealkit standard clauses")
