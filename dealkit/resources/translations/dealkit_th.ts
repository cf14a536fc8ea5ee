<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th" sourcelanguage="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>About Dealkit</source>
        <translation>เกี่ยวกับ Dealkit</translation>
    </message>
    <message>
        <source>Quotes, the sales library and commissions in one window, working offline on your own computer.</source>
        <translation>ใบเสนอราคา คลังความรู้การขาย และค่าคอมมิชชัน ครบในหน้าต่างเดียว ใช้งานแบบออฟไลน์ได้บนคอมพิวเตอร์ของคุณเอง</translation>
    </message>
    <message>
        <source>Fonts: Noto Sans and Noto Sans Thai, SIL Open Font License.</source>
        <translation>แบบอักษร: Noto Sans และ Noto Sans Thai ภายใต้สัญญาอนุญาต SIL Open Font License</translation>
    </message>
</context>
<context>
    <name>ApprovalQueueModel</name>
    <message>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
</context>
<context>
    <name>ApprovalRoute</name>
    <message>
        <source>Sales manager</source>
        <translation>ผู้จัดการฝ่ายขาย</translation>
    </message>
    <message>
        <source>VP of sales</source>
        <translation>รองประธานฝ่ายขาย</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>ฝ่ายการเงิน</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>ฝ่ายกฎหมาย</translation>
    </message>
    <message>
        <source>Deal desk</source>
        <translation>ฝ่ายพิจารณาดีล</translation>
    </message>
    <message>
        <source>%1, in parallel</source>
        <translation>%1 (พิจารณาพร้อมกัน)</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>รอการตัดสินใจ</translation>
    </message>
    <message>
        <source>Asked after step %1</source>
        <translation>ขอหลังขั้นที่ %1 อนุมัติ</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Not submitted yet</source>
        <translation>ยังไม่ได้ส่งขออนุมัติ</translation>
    </message>
    <message>
        <source>Closed, nobody is asked</source>
        <translation>ปิดแล้ว ไม่ต้องขออนุมัติ</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>การอนุมัติ</translation>
    </message>
    <message>
        <source>Loading approvals…</source>
        <translation>กำลังโหลดรายการรออนุมัติ…</translation>
    </message>
    <message>
        <source>Working out why each quote needs approval…</source>
        <translation>กำลังตรวจสอบว่าทำไมแต่ละใบเสนอราคาต้องขออนุมัติ…</translation>
    </message>
    <message>
        <source>The reasons could not be worked out: %1</source>
        <translation>ตรวจสอบเหตุผลไม่ได้: %1</translation>
    </message>
    <message>
        <source>Approvals could not be loaded: %1</source>
        <translation>โหลดรายการอนุมัติไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>No signed-in user in this workspace.</source>
        <translation>ไม่มีผู้ใช้ที่ลงชื่อเข้าใช้ในพื้นที่ทำงานนี้</translation>
    </message>
    <message>
        <source>Quotes from your team waiting for your decision, newest first.</source>
        <translation>ใบเสนอราคาจากทีมของคุณที่รอการตัดสินใจ เรียงจากล่าสุด</translation>
    </message>
    <message>
        <source>Your quotes submitted for approval and where each stands. Your manager decides on quotes in review.</source>
        <translation>ใบเสนอราคาของคุณที่ส่งขออนุมัติ พร้อมสถานะของแต่ละใบ ผู้จัดการของคุณเป็นผู้พิจารณาใบที่รอพิจารณา</translation>
    </message>
    <message>
        <source>Nothing is waiting for approval.</source>
        <translation>ไม่มีรายการรออนุมัติ</translation>
    </message>
    <message>
        <source>%1: your decision is saved.</source>
        <translation>%1: บันทึกการตัดสินใจของคุณแล้ว</translation>
    </message>
</context>
<context>
    <name>CommissionEstimateView</name>
    <message>
        <source>an internal error (%1); the log has the details</source>
        <translation>ข้อผิดพลาดภายใน (%1) ดูรายละเอียดในบันทึกการทำงาน</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>องค์ประกอบ</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Extra discount:</source>
        <translation>ส่วนลดเพิ่ม:</translation>
    </message>
    <message>
        <source>Try a further discount on every line and see what the deal would pay</source>
        <translation>ลองให้ส่วนลดเพิ่มทุกรายการ แล้วดูว่าดีลนี้จะได้ค่าคอมมิชชันเท่าไร</translation>
    </message>
    <message>
        <source>The commission could not be estimated: %1</source>
        <translation>ประมาณค่าคอมมิชชันไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Estimating the commission…</source>
        <translation>กำลังประมาณค่าคอมมิชชัน…</translation>
    </message>
    <message>
        <source>Sign in to see what your deals pay.</source>
        <translation>ลงชื่อเข้าใช้เพื่อดูค่าคอมมิชชันจากดีลของคุณ</translation>
    </message>
    <message>
        <source>This is %1&apos;s deal: it pays their commission, not yours.</source>
        <translation>ดีลนี้เป็นของ %1: ค่าคอมมิชชันเป็นของเขา ไม่ใช่ของคุณ</translation>
    </message>
    <message>
        <source>This quote is won: it is already counted in your commission statement.</source>
        <translation>ใบเสนอราคานี้ปิดการขายได้แล้ว: นับรวมในใบแจ้งยอดค่าคอมมิชชันของคุณเรียบร้อย</translation>
    </message>
    <message>
        <source>This quote is lost: your commission statement already reflects it (it pays nothing).</source>
        <translation>ใบเสนอราคานี้ปิดการขายไม่สำเร็จ: ใบแจ้งยอดค่าคอมมิชชันของคุณบันทึกไว้แล้ว (ไม่มีค่าคอมมิชชัน)</translation>
    </message>
    <message>
        <source>This deal pays %1</source>
        <translation>ดีลนี้ได้ค่าคอมมิชชัน %1</translation>
    </message>
    <message>
        <source>%1 · %2 credited · attainment from %3 to %4 of quota</source>
        <translation>%1 · ยอดที่นับให้ %2 · ยอดสะสมจาก %3 เป็น %4 ของโควตา</translation>
    </message>
    <message>
        <source>SPIF: %1; with this deal: %2</source>
        <translation>ความคืบหน้าโบนัส SPIF: %1; เมื่อรวมดีลนี้: %2</translation>
    </message>
    <message>
        <source>SPIF: %1 (this deal does not count toward it)</source>
        <translation>ความคืบหน้าโบนัส SPIF: %1 (ดีลนี้ไม่นับรวม)</translation>
    </message>
    <message>
        <source>Move the slider to see what a deeper discount would pay.</source>
        <translation>เลื่อนแถบเพื่อดูว่าถ้าลดราคามากขึ้นจะได้ค่าคอมมิชชันเท่าไร</translation>
    </message>
    <message>
        <source>At %1 off (%2 credited) it pays %3: %4 less.</source>
        <translation>ถ้าลดเพิ่ม %1 (ยอดที่นับให้ %2) จะได้ %3 น้อยลง %4</translation>
    </message>
    <message>
        <source>At %1 off (%2 credited) it pays %3: %4 more.</source>
        <translation>ถ้าลดเพิ่ม %1 (ยอดที่นับให้ %2) จะได้ %3 มากขึ้น %4</translation>
    </message>
    <message>
        <source>At %1 off (%2 credited) it pays %3, the same.</source>
        <translation>ถ้าลดเพิ่ม %1 (ยอดที่นับให้ %2) จะได้ %3 เท่าเดิม</translation>
    </message>
</context>
<context>
    <name>CommissionLabels</name>
    <message>
        <source>A deal is missing or credited to someone else</source>
        <translation>ดีลหายไป หรือถูกนับให้คนอื่น</translation>
    </message>
    <message>
        <source>The amount credited is wrong</source>
        <translation>ยอดที่นับให้ไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>The split is wrong</source>
        <translation>การแบ่งสัดส่วนยอดไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>The rate or tier applied is wrong</source>
        <translation>อัตราหรือขั้นที่ใช้คำนวณไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>SPIF progress is wrong</source>
        <translation>ความคืบหน้า SPIF ไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>เรื่องอื่น</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิดอยู่</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>กำลังพิจารณา</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>ได้ข้อยุติแล้ว</translation>
    </message>
    <message>
        <source>Resolved: adjusted</source>
        <translation>ได้ข้อยุติ: ปรับยอดให้แล้ว</translation>
    </message>
    <message>
        <source>Resolved: explained</source>
        <translation>ได้ข้อยุติ: ชี้แจงแล้ว</translation>
    </message>
    <message>
        <source>Resolved: rejected</source>
        <translation>ได้ข้อยุติ: ไม่รับคำร้อง</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>รายได้</translation>
    </message>
    <message>
        <source>SPIF</source>
        <translation>โบนัส SPIF</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>เรียกคืน</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>ปรับปรุงยอด</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>เงินเบิกล่วงหน้า</translation>
    </message>
</context>
<context>
    <name>CommissionsPage</name>
    <message>
        <source>Commissions</source>
        <translation>ค่าคอมมิชชัน</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>งวด</translation>
    </message>
    <message>
        <source>Save statement PDF…</source>
        <translation>บันทึกใบแจ้งยอดเป็น PDF…</translation>
    </message>
    <message>
        <source>Quota for the period</source>
        <translation>เป้ายอดขายของงวด</translation>
    </message>
    <message>
        <source>Attainment to date</source>
        <translation>ยอดขายที่ทำได้ถึงวันนี้</translation>
    </message>
    <message>
        <source>Earnings to date</source>
        <translation>รายได้ถึงวันนี้</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>แนวโน้มยอดขาย</translation>
    </message>
    <message>
        <source>Attainment against quota</source>
        <translation>ยอดขายเทียบกับเป้า</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ยอดขายที่ทำได้</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>เป้ายอดขาย</translation>
    </message>
    <message>
        <source>Even pace</source>
        <translation>ยอดตามกำหนดเฉลี่ย</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>ยังไม่มีตัวเลข</translation>
    </message>
    <message>
        <source>Earnings by component</source>
        <translation>รายได้แยกตามองค์ประกอบ</translation>
    </message>
    <message>
        <source>Open a line to see how it was computed and the deals behind it. If a line looks wrong, use “Question…” to ask your comp admin.</source>
        <translation>เปิดแต่ละรายการเพื่อดูวิธีคำนวณและดีลที่อยู่เบื้องหลัง หากรายการใดดูไม่ถูกต้อง ใช้ “สอบถาม…” เพื่อถามผู้ดูแลค่าคอมมิชชัน</translation>
    </message>
    <message>
        <source>Your questions</source>
        <translation>คำถามของคุณ</translation>
    </message>
    <message>
        <source>You have not questioned any line.</source>
        <translation>คุณยังไม่ได้สอบถามรายการใด</translation>
    </message>
    <message>
        <source>SPIF progress</source>
        <translation>ความคืบหน้า SPIF</translation>
    </message>
    <message>
        <source>Calculating commissions…</source>
        <translation>กำลังคำนวณค่าคอมมิชชัน…</translation>
    </message>
    <message>
        <source>%1 (to date)</source>
        <translation>%1 (ถึงวันนี้)</translation>
    </message>
    <message>
        <source>Commissions could not be calculated: %1</source>
        <translation>คำนวณค่าคอมมิชชันไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>No signed-in rep in this workspace, so there is nothing to show.</source>
        <translation>ไม่มีพนักงานขายที่ลงชื่อเข้าใช้ในพื้นที่ทำงานนี้ จึงยังไม่มีข้อมูลให้แสดง</translation>
    </message>
    <message>
        <source>%1 · %2 · period %3, up to %4</source>
        <translation>%1 · %2 · งวด %3 ถึงวันที่ %4</translation>
    </message>
    <message>
        <source>Period %1</source>
        <translation>งวด %1</translation>
    </message>
    <message>
        <source>%1 of quota, with %2 of the period gone</source>
        <translation>ได้ %1 ของเป้า ขณะที่งวดผ่านไปแล้ว %2</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>รายได้</translation>
    </message>
    <message>
        <source>%1 of quota</source>
        <translation>ได้ %1 ของเป้า</translation>
    </message>
    <message numerus="yes">
        <source>%n component(s) paying</source>
        <translation>
            <numerusform>มี %n องค์ประกอบที่สร้างรายได้</numerusform>
        </translation>
    </message>
    <message>
        <source>payout %1</source>
        <translation>ยอดจ่าย %1</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>ใบแจ้งยอดงวด %1</translation>
    </message>
    <message>
        <source>Statement for %1 (finalized)</source>
        <translation>ใบแจ้งยอดงวด %1 (ปิดยอดแล้ว)</translation>
    </message>
    <message>
        <source>Statement for %1 (period ended)</source>
        <translation>ใบแจ้งยอดงวด %1 (สิ้นสุดงวดแล้ว)</translation>
    </message>
    <message>
        <source>Quota reached in %1</source>
        <translation>ถึงเป้าในงวด %1</translation>
    </message>
    <message>
        <source>Final attainment for %1</source>
        <translation>ยอดขายสุดท้ายของงวด %1</translation>
    </message>
    <message>
        <source>The period has just started</source>
        <translation>งวดเพิ่งเริ่มต้น</translation>
    </message>
    <message>
        <source>On pace for %1</source>
        <translation>มีแนวโน้มถึง %1</translation>
    </message>
    <message>
        <source>Quota reached: every sale now adds to your lead</source>
        <translation>ถึงเป้าแล้ว ยอดขายต่อจากนี้เป็นส่วนเกินเป้าทั้งหมด</translation>
    </message>
    <message numerus="yes">
        <source>%1 to go in %n day(s)</source>
        <translation>
            <numerusform>ขาดอีก %1 เหลือเวลา %n วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 attained of a %2 quota by %3</source>
        <translation>ทำได้ %1 จากเป้า %2 ณ วันที่ %3</translation>
    </message>
    <message>
        <source>No SPIF is running this period.</source>
        <translation>งวดนี้ไม่มี SPIF</translation>
    </message>
    <message numerus="yes">
        <source>%n more to go</source>
        <translation>
            <numerusform>ขาดอีก %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing earned yet in this period.</source>
        <translation>งวดนี้ยังไม่มีรายได้</translation>
    </message>
    <message>
        <source>Your question on “%1” was saved.</source>
        <translation>บันทึกคำถามเกี่ยวกับ “%1” แล้ว</translation>
    </message>
    <message>
        <source>Saving your question…</source>
        <translation>กำลังบันทึกคำถาม…</translation>
    </message>
    <message>
        <source>Save statement PDF</source>
        <translation>บันทึกใบแจ้งยอดเป็น PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Statement for %1 saved to %2</source>
        <translation>บันทึกใบแจ้งยอดงวด %1 ไว้ที่ %2 แล้ว</translation>
    </message>
    <message>
        <source>Writing the statement PDF…</source>
        <translation>กำลังสร้างไฟล์ PDF ใบแจ้งยอด…</translation>
    </message>
</context>
<context>
    <name>ConfigurationSummaryView</name>
    <message>
        <source>Option</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>สิ่งที่เลือก</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Edit configuration…</source>
        <translation>แก้ไขการกำหนดค่า…</translation>
    </message>
    <message>
        <source>Close summary</source>
        <translation>ปิดสรุป</translation>
    </message>
    <message>
        <source>No configuration yet.</source>
        <translation>ยังไม่มีการกำหนดค่า</translation>
    </message>
    <message>
        <source>Configured for %1. Not saved: the Quote wizard adds configured lines to a quote.</source>
        <translation>กำหนดค่าสำหรับ %1 ยังไม่ได้บันทึก: ตัวช่วยสร้างใบเสนอราคาจะเพิ่มรายการที่กำหนดค่าแล้วลงในใบเสนอราคา</translation>
    </message>
    <message>
        <source>Not saved: the Quote wizard adds configured lines to a quote.</source>
        <translation>ยังไม่ได้บันทึก: ตัวช่วยสร้างใบเสนอราคาจะเพิ่มรายการที่กำหนดค่าแล้วลงในใบเสนอราคา</translation>
    </message>
    <message>
        <source>Options total: %1</source>
        <translation>รวมราคาตัวเลือก: %1</translation>
    </message>
    <message>
        <source>The product model names no currency, so its option prices are not shown.</source>
        <translation>แบบจำลองสินค้าไม่ได้ระบุสกุลเงิน จึงไม่แสดงราคาตัวเลือก</translation>
    </message>
    <message>
        <source>Option prices in %1, added to the product&apos;s list price.</source>
        <translation>ราคาตัวเลือกเป็น %1 บวกเพิ่มจากราคาตั้งของสินค้า</translation>
    </message>
    <message>
        <source>Option prices in the quote&apos;s currency, %1, added to the product&apos;s list price.</source>
        <translation>ราคาตัวเลือกเป็นสกุลเงินของใบเสนอราคา (%1) บวกเพิ่มจากราคาตั้งของสินค้า</translation>
    </message>
    <message>
        <source>Option prices are in %1, the currency of the product model; this quote is in %2, so they are not converted or added to it here.</source>
        <translation>ราคาตัวเลือกเป็น %1 ตามสกุลเงินของแบบจำลองสินค้า แต่ใบเสนอราคานี้เป็น %2 จึงไม่ได้แปลงค่าหรือรวมเข้ากับใบเสนอราคาที่นี่</translation>
    </message>
</context>
<context>
    <name>ConfigureDialog</name>
    <message>
        <source>Configure %1</source>
        <translation>กำหนดค่า %1</translation>
    </message>
    <message>
        <source>Make it possible</source>
        <translation>ทำให้เลือกได้</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>เลิกทำ</translation>
    </message>
    <message>
        <source>Greyed options are not possible with your choices: hover one to see why, or use Why not? to make it possible.</source>
        <translation>ตัวเลือกสีเทาเลือกไม่ได้กับตัวเลือกปัจจุบันของคุณ ชี้ที่ตัวเลือกเพื่อดูเหตุผล หรือกด “ทำไมเลือกไม่ได้?” เพื่อทำให้เลือกได้</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ทำซ้ำ</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>เติมให้ครบ</translation>
    </message>
    <message>
        <source>Fill the open choices with their defaults</source>
        <translation>เติมตัวเลือกที่ยังว่างด้วยค่าเริ่มต้น</translation>
    </message>
    <message>
        <source>Complete cheapest</source>
        <translation>เติมให้ครบแบบประหยัดที่สุด</translation>
    </message>
    <message>
        <source>Fill the open choices at the least option price</source>
        <translation>เติมตัวเลือกที่ยังว่างด้วยตัวเลือกราคาต่ำสุด</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Clear choices</source>
        <translation>ล้างตัวเลือก</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Why not?</source>
        <translation>ทำไมเลือกไม่ได้?</translation>
    </message>
    <message>
        <source>Explain a greyed-out option and make it possible</source>
        <translation>อธิบายตัวเลือกที่เป็นสีเทา และทำให้เลือกได้</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>ล้าง %1</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>ตั้งค่า %1</translation>
    </message>
    <message>
        <source>Cannot complete: the choices conflict.</source>
        <translation>เติมให้ครบไม่ได้: ตัวเลือกขัดแย้งกัน</translation>
    </message>
    <message>
        <source>Make %1 possible</source>
        <translation>ทำให้เลือก %1 ได้</translation>
    </message>
    <message>
        <source>Every option is possible</source>
        <translation>เลือกได้ทุกตัวเลือก</translation>
    </message>
    <message>
        <source>(automatic: %1)</source>
        <translation>(อัตโนมัติ: %1)</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(ยังไม่ได้เลือก)</translation>
    </message>
    <message>
        <source>The choices conflict.</source>
        <translation>ตัวเลือกขัดแย้งกัน</translation>
    </message>
    <message>
        <source>%1 choices still open</source>
        <translation>ยังเหลือ %1 ตัวเลือกที่ยังไม่ได้เลือก</translation>
    </message>
    <message>
        <source>The configuration is complete and valid.</source>
        <translation>การกำหนดค่าครบถ้วนและถูกต้อง</translation>
    </message>
    <message>
        <source>Option prices so far: %1</source>
        <translation>ราคาตัวเลือกที่เลือกแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>ConfigureLauncher</name>
    <message>
        <source>Finding configurable products…</source>
        <translation>กำลังค้นหาสินค้าที่กำหนดค่าได้…</translation>
    </message>
    <message>
        <source>Nothing to configure</source>
        <translation>ไม่มีสินค้าให้กำหนดค่า</translation>
    </message>
    <message>
        <source>This workspace has no configurable product with a product model.</source>
        <translation>พื้นที่ทำงานนี้ไม่มีสินค้าที่กำหนดค่าได้ซึ่งมีแบบจำลองสินค้า</translation>
    </message>
    <message>
        <source>A sales engineer publishes product models; sync the catalog and try again.</source>
        <translation>วิศวกรฝ่ายขายเป็นผู้เผยแพร่แบบจำลองสินค้า โปรดซิงค์แคตตาล็อกแล้วลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Reading the model of %1…</source>
        <translation>กำลังอ่านแบบจำลองของ %1…</translation>
    </message>
    <message>
        <source>Compiling the rules of %1…</source>
        <translation>กำลังคอมไพล์กฎของ %1…</translation>
    </message>
    <message>
        <source>Preparing explanations for %1…</source>
        <translation>กำลังเตรียมคำอธิบายสำหรับ %1…</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>กำลังเตรียม %1…</translation>
    </message>
    <message>
        <source>Cannot configure %1</source>
        <translation>กำหนดค่า %1 ไม่ได้</translation>
    </message>
    <message>
        <source>The product model of %1 (%2) cannot be used.</source>
        <translation>ใช้แบบจำลองสินค้าของ %1 (%2) ไม่ได้</translation>
    </message>
    <message>
        <source>Ask the sales engineer who maintains this model to correct it.</source>
        <translation>โปรดแจ้งวิศวกรฝ่ายขายที่ดูแลแบบจำลองนี้ให้แก้ไข</translation>
    </message>
    <message>
        <source>Preparing the product model of %1 (%2) failed.</source>
        <translation>เตรียมแบบจำลองสินค้าของ %1 (%2) ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Not in the current model, left out: %1</source>
        <translation>ไม่มีในแบบจำลองปัจจุบัน จึงตัดออก: %1</translation>
    </message>
    <message>
        <source>Cannot configure</source>
        <translation>กำหนดค่าไม่ได้</translation>
    </message>
    <message>
        <source>The configurable products could not be read.</source>
        <translation>อ่านรายการสินค้าที่กำหนดค่าได้ไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>ConfigureStep</name>
    <message>
        <source>Configure</source>
        <translation>กำหนดค่า</translation>
    </message>
    <message>
        <source>Add products</source>
        <translation>เพิ่มสินค้า</translation>
    </message>
    <message>
        <source>SKU or product name, then Tab and quantity</source>
        <translation>รหัสสินค้าหรือชื่อสินค้า แล้วกด Tab ใส่จำนวน</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>เพิ่มรายการ</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>การกำหนดค่า</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>New group name</source>
        <translation>ชื่อกลุ่มใหม่</translation>
    </message>
    <message>
        <source>Alternative set (Option A/B/C), if any</source>
        <translation>ชุดทางเลือก (ตัวเลือก A/B/C) ถ้ามี</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>เพิ่มกลุ่ม</translation>
    </message>
    <message>
        <source>Move selected lines</source>
        <translation>ย้ายรายการที่เลือก</translation>
    </message>
    <message>
        <source>Count this alternative</source>
        <translation>นับทางเลือกนี้ในยอดรวม</translation>
    </message>
    <message>
        <source>Reading configurable products…</source>
        <translation>กำลังอ่านสินค้าที่กำหนดค่าได้…</translation>
    </message>
    <message>
        <source>Add at least one product.</source>
        <translation>เพิ่มสินค้าอย่างน้อยหนึ่งรายการ</translation>
    </message>
    <message>
        <source>No product %1 in this price book: type part of a SKU or a name and pick one from the list.</source>
        <translation>ไม่มีสินค้า %1 ในสมุดราคานี้: พิมพ์รหัสหรือชื่อบางส่วนแล้วเลือกจากรายการ</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>เพิ่ม %1</translation>
    </message>
    <message>
        <source>Added %1 × %2 as %3.</source>
        <translation>เพิ่ม %1 × %2 เป็น %3 แล้ว</translation>
    </message>
    <message>
        <source>Configure %1</source>
        <translation>กำหนดค่า %1</translation>
    </message>
    <message>
        <source>The model prices its options in %1, not %2: they are on the line at no charge; price them as separate lines.</source>
        <translation>โมเดลตั้งราคาตัวเลือกเป็น %1 ไม่ใช่ %2: ตัวเลือกอยู่ในรายการโดยไม่คิดราคา ให้ตั้งราคาเป็นรายการแยก</translation>
    </message>
    <message>
        <source>%1 configured.</source>
        <translation>กำหนดค่า %1 แล้ว</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>เพิ่มกลุ่ม %1</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>ย้ายไป %1</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>ไม่มีกลุ่ม</translation>
    </message>
    <message>
        <source>Count %1</source>
        <translation>นับ %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n line(s)</source>
        <translation>
            <numerusform>ลบ %n รายการ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> และอีก %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Not configured yet: Enter to configure</source>
        <translation>ยังไม่ได้กำหนดค่า: กด Enter เพื่อกำหนดค่า</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(ไม่มีกลุ่ม)</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>นับในยอดรวม</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>ไม่นับในยอดรวม</translation>
    </message>
</context>
<context>
    <name>CustomerStep</name>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Find the customer</source>
        <translation>ค้นหาลูกค้า</translation>
    </message>
    <message>
        <source>Type a customer&apos;s name, Down to the list, Enter</source>
        <translation>พิมพ์ชื่อลูกค้า กดลูกศรลงไปที่รายการ แล้วกด Enter</translation>
    </message>
    <message>
        <source>Quote name</source>
        <translation>ชื่อใบเสนอราคา</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>สกุลเงิน</translation>
    </message>
    <message>
        <source>Quote date</source>
        <translation>วันที่เสนอราคา</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>ใช้ได้ถึง</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>เงื่อนไขการชำระเงิน</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>คู่แข่ง</translation>
    </message>
    <message>
        <source> days</source>
        <translation> วัน</translation>
    </message>
    <message>
        <source>Rivals on this deal, separated by commas</source>
        <translation>คู่แข่งในดีลนี้ คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <source>Reading currencies…</source>
        <translation>กำลังอ่านสกุลเงิน…</translation>
    </message>
    <message>
        <source>Pick the customer first.</source>
        <translation>เลือกลูกค้าก่อน</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>ลูกค้า %1</translation>
    </message>
    <message>
        <source>Quote for %1 (%2, %3)</source>
        <translation>ใบเสนอราคาสำหรับ %1 (%2, %3)</translation>
    </message>
    <message>
        <source>No customer picked yet.</source>
        <translation>ยังไม่ได้เลือกลูกค้า</translation>
    </message>
    <message>
        <source>Price book: %1</source>
        <translation>สมุดราคา: %1</translation>
    </message>
    <message>
        <source>No price book in this currency on this date</source>
        <translation>ไม่มีสมุดราคาในสกุลเงินนี้ในวันที่นี้</translation>
    </message>
    <message>
        <source>Quote dates</source>
        <translation>วันที่ของใบเสนอราคา</translation>
    </message>
</context>
<context>
    <name>DealkitApp</name>
    <message>
        <source>Dealkit cannot open the workspace</source>
        <translation>Dealkit เปิดพื้นที่ทำงานไม่ได้</translation>
    </message>
    <message>
        <source>The workspace could not be opened.</source>
        <translation>ไม่สามารถเปิดพื้นที่ทำงานได้</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>ออก</translation>
    </message>
    <message>
        <source>The demo workspace is ready: Northwind Systems.</source>
        <translation>พื้นที่ทำงานสาธิตพร้อมใช้งานแล้ว: Northwind Systems</translation>
    </message>
    <message>
        <source>The demo could not be loaded: %1</source>
        <translation>โหลดข้อมูลสาธิตไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Preparing the workspace…</source>
        <translation>กำลังเตรียมพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <source>Loading the demo workspace…</source>
        <translation>กำลังโหลดพื้นที่ทำงานสาธิต…</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Your decision</source>
        <translation>การตัดสินใจของคุณ</translation>
    </message>
    <message>
        <source>A comment for the rep (needed to send the quote back)</source>
        <translation>ความเห็นถึงพนักงานขาย (จำเป็นเมื่อส่งใบเสนอราคากลับ)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>อนุมัติ</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>ส่งกลับ</translation>
    </message>
    <message>
        <source>Approve this version; the rep can send it</source>
        <translation>อนุมัติเวอร์ชันนี้ พนักงานขายส่งให้ลูกค้าได้</translation>
    </message>
    <message>
        <source>Send this version back to draft with your comment, for the rep to revise</source>
        <translation>ส่งเวอร์ชันนี้กลับเป็นฉบับร่างพร้อมความเห็นของคุณ ให้พนักงานขายแก้ไข</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>การตัดสินใจ</translation>
    </message>
    <message>
        <source>Saving your decision…</source>
        <translation>กำลังบันทึกการตัดสินใจ…</translation>
    </message>
    <message>
        <source>Loading decisions…</source>
        <translation>กำลังโหลดการตัดสินใจ…</translation>
    </message>
    <message>
        <source>Your manager decides on this quote; their decision and comment show here.</source>
        <translation>ผู้จัดการของคุณเป็นผู้ตัดสินใจใบเสนอราคานี้ การตัดสินใจและความเห็นจะแสดงที่นี่</translation>
    </message>
    <message>
        <source>Your decision goes to the rep at the next sync (at once when online).</source>
        <translation>การตัดสินใจจะถึงพนักงานขายในการซิงค์ครั้งถัดไป (ทันทีเมื่อออนไลน์)</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>ส่งกลับแล้ว</translation>
    </message>
    <message>
        <source>%1 v%2 by %3, %4</source>
        <translation>%1 v%2 โดย %3, %4</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>รอซิงค์</translation>
    </message>
</context>
<context>
    <name>DisputesTree</name>
    <message>
        <source>Line questioned</source>
        <translation>รายการที่สอบถาม</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>%1 · %2 · raised %3</source>
        <translation>%1 · %2 · ส่งเมื่อ %3</translation>
    </message>
    <message>
        <source>[attached: %1]</source>
        <translation>[ไฟล์แนบ: %1]</translation>
    </message>
</context>
<context>
    <name>DraftPricer</name>
    <message>
        <source>Reading prices…</source>
        <translation>กำลังอ่านราคา…</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Quote</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>คลังความรู้</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>สินค้า</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>รอพิจารณา</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>ปิดการขายได้</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>ไม่ได้งาน</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>เอกสารการขาย</translation>
    </message>
    <message>
        <source>Battlecard</source>
        <translation>ข้อมูลเทียบคู่แข่ง</translation>
    </message>
    <message>
        <source>Market note</source>
        <translation>บันทึกตลาด</translation>
    </message>
    <message>
        <source>Customer story</source>
        <translation>เรื่องราวลูกค้า</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>นโยบาย</translation>
    </message>
    <message>
        <source>English</source>
        <translation>อังกฤษ</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>ไทย</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Library</source>
        <translation>คลังความรู้</translation>
    </message>
    <message>
        <source>Search training, collateral, battlecards and market notes</source>
        <translation>ค้นหาการฝึกอบรม เอกสารการขาย ข้อมูลเทียบคู่แข่ง และบันทึกตลาด</translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation>กำลังโหลดคลังความรู้…</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>แบบทดสอบ</translation>
    </message>
    <message>
        <source>The library could not be searched: %1</source>
        <translation>ค้นหาในคลังความรู้ไม่สำเร็จ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) new or changed since you last looked</source>
        <translation>
            <numerusform>มี %n รายการใหม่หรือเปลี่ยนแปลงตั้งแต่คุณเปิดดูครั้งล่าสุด</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest material. Type to search the library.</source>
        <translation>เนื้อหาล่าสุด พิมพ์คำค้นเพื่อค้นหาในคลังความรู้</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>กำลังค้นหา…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>ไม่พบผลลัพธ์สำหรับ “%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>พบ %n รายการสำหรับ “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPreview</name>
    <message>
        <source>Select a result to read it here.</source>
        <translation>เลือกผลการค้นหาเพื่ออ่านที่นี่</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <source>This item is no longer in the library.</source>
        <translation>รายการนี้ไม่อยู่ในคลังความรู้แล้ว</translation>
    </message>
    <message>
        <source>This item could not be read: %1</source>
        <translation>อ่านรายการนี้ไม่ได้: %1</translation>
    </message>
    <message>
        <source>This item has no text.</source>
        <translation>รายการนี้ไม่มีข้อความ</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>หน้า %1</translation>
    </message>
    <message>
        <source>Page %1 (the match)</source>
        <translation>หน้า %1 (ตรงกับคำค้น)</translation>
    </message>
    <message>
        <source>The match is on page %1 of %2.</source>
        <translation>คำที่ค้นพบอยู่ในหน้า %1 จาก %2 หน้า</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n หน้า</numerusform>
        </translation>
    </message>
    <message>
        <source>Open original</source>
        <translation>เปิดไฟล์ต้นฉบับ</translation>
    </message>
    <message>
        <source>Open the file in the program your computer uses</source>
        <translation>เปิดไฟล์ด้วยโปรแกรมที่เครื่องของคุณใช้</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>เปิดไฟล์ไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>LibraryService</name>
    <message>
        <source>Indexing the library…</source>
        <translation>กำลังทำดัชนีคลังความรู้…</translation>
    </message>
    <message>
        <source>Building the library index…</source>
        <translation>กำลังสร้างดัชนีคลังความรู้…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dealkit</source>
        <translation>Dealkit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ไฟล์ (&amp;F)</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;ลงชื่อเข้าใช้…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>ลงชื่อ&amp;ออก</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออก (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Search everything</source>
        <translation>ค้นหาทั้งหมด (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>มุมมอง (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>การตั้งค่า (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>ค่ากำหนด… (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Dealkit</source>
        <translation>เกี่ยวกับ Dealkit (&amp;A)</translation>
    </message>
    <message>
        <source>Search quotes, customers, products and the library  (Ctrl+K)</source>
        <translation>ค้นหาใบเสนอราคา ลูกค้า สินค้า และคลังความรู้  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Offline · local workspace · last sync: never</source>
        <translation>ออฟไลน์ · พื้นที่ทำงานในเครื่อง · ซิงค์ล่าสุด: ยังไม่เคย</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>พื้นที่ทำงาน: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>เกิดข้อผิดพลาด: %1</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>ลงชื่อเข้าใช้ %1 แล้ว ในชื่อ %2</translation>
    </message>
</context>
<context>
    <name>OptionListModel</name>
    <message>
        <source>(not chosen)</source>
        <translation>(ยังไม่ได้เลือก)</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>ราคา: %1</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>%1 is not there any more. It may have been moved or deleted.</source>
        <translation>ไม่พบ %1 แล้ว ไฟล์อาจถูกย้ายหรือลบ</translation>
    </message>
    <message>
        <source>%1 cannot be read. Check that it is not open in another program.</source>
        <translation>อ่าน %1 ไม่ได้ ตรวจดูว่าไม่ได้เปิดค้างอยู่ในโปรแกรมอื่น</translation>
    </message>
    <message>
        <source>%1 is encrypted (password protected), so it cannot be previewed. Open it in a PDF viewer that has the password.</source>
        <translation>%1 ถูกเข้ารหัส (มีรหัสผ่าน) จึงแสดงตัวอย่างไม่ได้ เปิดด้วยโปรแกรมดู PDF ที่มีรหัสผ่าน</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF: it may be damaged or only partly downloaded. Try opening it in a PDF viewer, or get a fresh copy.</source>
        <translation>%1 ไม่ใช่ PDF ที่อ่านได้: ไฟล์อาจเสียหรือดาวน์โหลดไม่ครบ ลองเปิดด้วยโปรแกรมดู PDF หรือขอสำเนาใหม่</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>เอกสารนี้</translation>
    </message>
    <message>
        <source>%1 is empty: there is no PDF to show.</source>
        <translation>%1 ว่างเปล่า: ไม่มี PDF ให้แสดง</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>ย่อ (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>ขยาย (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>พอดีความกว้าง</translation>
    </message>
    <message>
        <source>Fit the page to the width of the pane</source>
        <translation>ปรับหน้าให้พอดีกับความกว้างของช่อง</translation>
    </message>
    <message>
        <source>%1 has no pages.</source>
        <translation>%1 ไม่มีหน้าใดเลย</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>หน้า %1 จาก %2</translation>
    </message>
</context>
<context>
    <name>PlaceholderStep</name>
    <message>
        <source>The %1 step is on its way in a coming version.</source>
        <translation>ขั้นตอน %1 จะมาในเวอร์ชันถัดไป</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>ค่ากำหนด</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>ภาษาของหน้าจอ (&amp;L):</translation>
    </message>
    <message>
        <source>The window switches language as soon as you press OK.</source>
        <translation>หน้าต่างจะเปลี่ยนภาษาทันทีที่คุณกด ตกลง</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>ที่อยู่&amp;เซิร์ฟเวอร์:</translation>
    </message>
    <message>
        <source>Your team&apos;s Dealkit server, for signing in and syncing (File › Sign in).</source>
        <translation>เซิร์ฟเวอร์ Dealkit ของทีม สำหรับลงชื่อเข้าใช้และซิงค์ข้อมูล (ไฟล์ › ลงชื่อเข้าใช้)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>PriceLinesModel</name>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>List</source>
        <translation>ราคาตั้ง</translation>
    </message>
    <message>
        <source>Disc %</source>
        <translation>ส่วนลด %</translation>
    </message>
    <message>
        <source>Disc amt</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>สุทธิ</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>กำไร %</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <source>Term mo</source>
        <translation>ระยะ (เดือน)</translation>
    </message>
    <message>
        <source>F1: why this price</source>
        <translation>F1: ทำไมราคานี้</translation>
    </message>
    <message>
        <source> (%n option(s))</source>
        <translation> (ตัวเลือก %n รายการ)</translation>
    </message>
    <message>
        <source>Line %1 (%2)</source>
        <translation>รายการ %1 (%2)</translation>
    </message>
    <message>
        <source>%1: group %2</source>
        <translation>%1: กลุ่ม %2</translation>
    </message>
    <message>
        <source>%1, term: %2 is not a number of months; type e.g. 12, 24 or 36</source>
        <translation>%1 ระยะเวลา: %2 ไม่ใช่จำนวนเดือน พิมพ์เช่น 12, 24 หรือ 36</translation>
    </message>
    <message>
        <source>%1: term %2 months</source>
        <translation>%1: ระยะ %2 เดือน</translation>
    </message>
    <message>
        <source>%1, %2: %3 is not a number; type e.g. 12 or 7.5</source>
        <translation>%1, %2: %3 ไม่ใช่ตัวเลข พิมพ์เช่น 12 หรือ 7.5</translation>
    </message>
    <message>
        <source>%1: %2 from %3 to %4</source>
        <translation>%1: %2 จาก %3 เป็น %4</translation>
    </message>
</context>
<context>
    <name>PriceStep</name>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Insert: SKU or name, Enter</source>
        <translation>Insert: รหัสหรือชื่อสินค้า แล้วกด Enter</translation>
    </message>
    <message>
        <source>Quote discount %</source>
        <translation>ส่วนลดทั้งใบ %</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>พาร์ทเนอร์</translation>
    </message>
    <message>
        <source>Partner %</source>
        <translation>พาร์ทเนอร์ %</translation>
    </message>
    <message>
        <source>Why this price (F1)</source>
        <translation>ทำไมราคานี้ (F1)</translation>
    </message>
    <message>
        <source>No product %1 in this price book: pick one from the list.</source>
        <translation>ไม่มีสินค้า %1 ในสมุดราคานี้: เลือกจากรายการ</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>เพิ่ม %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n line(s)</source>
        <translation>
            <numerusform>ลบ %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 is not a percent; type e.g. 5 or 7.5</source>
        <translation>%1: %2 ไม่ใช่เปอร์เซ็นต์ พิมพ์เช่น 5 หรือ 7.5</translation>
    </message>
    <message>
        <source>Quote discount</source>
        <translation>ส่วนลดทั้งใบ</translation>
    </message>
    <message>
        <source>Quote discount %1%</source>
        <translation>ส่วนลดทั้งใบ %1%</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… และอีก %n รายการ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message>
        <source>Configure product</source>
        <translation>กำหนดค่าสินค้า</translation>
    </message>
    <message>
        <source>Choose what to configure:</source>
        <translation>เลือกสิ่งที่จะกำหนดค่า:</translation>
    </message>
    <message numerus="yes">
        <source>Continue %1 v%2, line %3: %4 (%n choice(s))</source>
        <translation>
            <numerusform>ทำต่อจาก %1 v%2 รายการที่ %3: %4 (%n ตัวเลือก)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): new configuration</source>
        <translation>%1 (%2): กำหนดค่าใหม่</translation>
    </message>
</context>
<context>
    <name>ProposalStep</name>
    <message>
        <source>Proposal</source>
        <translation>ข้อเสนอ</translation>
    </message>
    <message>
        <source>The quote has no price yet: go back to the Price step.</source>
        <translation>ใบเสนอราคายังไม่มีราคา: กลับไปที่ขั้นตอนราคา</translation>
    </message>
    <message>
        <source>Proposal &amp;language:</source>
        <translation>&amp;ภาษาของข้อเสนอ:</translation>
    </message>
    <message>
        <source>The language the customer reads, whatever the window&apos;s language</source>
        <translation>ภาษาที่ลูกค้าอ่าน ไม่ว่าหน้าต่างจะใช้ภาษาใด</translation>
    </message>
    <message>
        <source>Include &amp;configuration details</source>
        <translation>รวม&amp;รายละเอียดการกำหนดค่า</translation>
    </message>
    <message>
        <source>List the components of each configured product, with their prices</source>
        <translation>แสดงส่วนประกอบของสินค้าที่กำหนดค่าแต่ละรายการพร้อมราคา</translation>
    </message>
    <message>
        <source>Alternatives to show</source>
        <translation>ทางเลือกที่จะแสดง</translation>
    </message>
    <message>
        <source>This quote has no alternative options.</source>
        <translation>ใบเสนอราคานี้ไม่มีทางเลือก</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;สร้าง</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;บันทึกเป็น…</translation>
    </message>
    <message>
        <source>&amp;Open in viewer</source>
        <translation>&amp;เปิดในโปรแกรมดู</translation>
    </message>
    <message>
        <source>Press Generate to preview the proposal.</source>
        <translation>กด สร้าง เพื่อดูตัวอย่างข้อเสนอ</translation>
    </message>
    <message>
        <source>Generating the proposal…</source>
        <translation>กำลังสร้างข้อเสนอ…</translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation>บันทึกข้อเสนอ</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>Saving the proposal…</source>
        <translation>กำลังบันทึกข้อเสนอ…</translation>
    </message>
    <message>
        <source>Could not write a copy for the viewer: %1</source>
        <translation>เขียนสำเนาสำหรับโปรแกรมดูไม่ได้: %1</translation>
    </message>
    <message>
        <source>No PDF viewer opened %1. Save the proposal and open it yourself.</source>
        <translation>ไม่มีโปรแกรมดู PDF เปิด %1 บันทึกข้อเสนอแล้วเปิดเอง</translation>
    </message>
    <message>
        <source>%1 (counted in the total)</source>
        <translation>%1 (นับรวมในยอดรวม)</translation>
    </message>
    <message>
        <source>The option counted in the total is always shown</source>
        <translation>ทางเลือกที่นับรวมในยอดรวมจะแสดงเสมอ</translation>
    </message>
    <message>
        <source>Show this option to the customer beside the others</source>
        <translation>แสดงทางเลือกนี้ให้ลูกค้าเทียบกับทางเลือกอื่น</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) generated. Save it or open it in your PDF viewer.</source>
        <translation>
            <numerusform>สร้างแล้ว %n หน้า บันทึกหรือเปิดด้วยโปรแกรมดู PDF ได้</numerusform>
        </translation>
    </message>
    <message>
        <source>The proposal could not be generated: %1</source>
        <translation>สร้างข้อเสนอไม่ได้: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>บันทึกไว้ที่ %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Pick another folder or file name.</source>
        <translation>บันทึก %1 ไม่ได้: %2 เลือกโฟลเดอร์หรือชื่อไฟล์อื่น</translation>
    </message>
    <message>
        <source>Options changed: press Generate to update the preview.</source>
        <translation>ตัวเลือกเปลี่ยนแล้ว: กด สร้าง เพื่อปรับตัวอย่าง</translation>
    </message>
    <message>
        <source>The quote changed since this proposal was made: press Generate.</source>
        <translation>ใบเสนอราคาเปลี่ยนไปหลังสร้างข้อเสนอนี้: กด สร้าง</translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message>
        <source>Publish</source>
        <translation>เผยแพร่</translation>
    </message>
    <message>
        <source>Publish to the library</source>
        <translation>เผยแพร่ในคลังความรู้</translation>
    </message>
    <message>
        <source>Drop PDF, Word, PowerPoint, Markdown, HTML or text files here: each becomes a draft you can check and publish.</source>
        <translation>วางไฟล์ PDF, Word, PowerPoint, Markdown, HTML หรือข้อความที่นี่ แต่ละไฟล์จะเป็นฉบับร่างที่คุณตรวจและเผยแพร่ได้</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>เพิ่มไฟล์…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>ชื่อเรื่อง</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>การเปิดดู</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>ทบทวนภายใน</translation>
    </message>
    <message>
        <source>Due for review (past or within %1 days)</source>
        <translation>ถึงกำหนดทบทวน (เลยกำหนดหรือภายใน %1 วัน)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>ชื่อเรื่อง (&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>ประเภท (&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ภาษา (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>สรุป (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>สินค้า (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Competitors</source>
        <translation>คู่แข่ง (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Industries</source>
        <translation>อุตสาหกรรม (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Regions</source>
        <translation>ภูมิภาค (&amp;R)</translation>
    </message>
    <message>
        <source>Review &amp;by</source>
        <translation>ทบทวนภายใน (&amp;B)</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <source>review on</source>
        <translation>ทบทวนวันที่</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>บันทึกฉบับร่าง</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>เก็บเข้าคลัง</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>ไฟล์ใหม่…</translation>
    </message>
    <message>
        <source>Import a new file for this item as a draft of its next version; reps keep reading the current version until you publish the draft</source>
        <translation>นำเข้าไฟล์ใหม่ของรายการนี้เป็นร่างฉบับถัดไป พนักงานขายจะยังอ่านฉบับปัจจุบันจนกว่าคุณจะเผยแพร่ร่างนั้น</translation>
    </message>
    <message>
        <source>Extracted text</source>
        <translation>ข้อความที่ดึงออกมา</translation>
    </message>
    <message>
        <source>Publishing is for trainers. %1 does not have the trainer role; ask an administrator to add it.</source>
        <translation>การเผยแพร่สำหรับผู้ฝึกอบรมเท่านั้น %1 ยังไม่มีบทบาทผู้ฝึกอบรม โปรดขอให้ผู้ดูแลระบบเพิ่มให้</translation>
    </message>
    <message>
        <source>The signed-in user</source>
        <translation>ผู้ใช้ที่ลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <source>Loading the library items…</source>
        <translation>กำลังโหลดรายการในคลังความรู้…</translation>
    </message>
    <message>
        <source>draft of new version</source>
        <translation>ร่างฉบับใหม่</translation>
    </message>
    <message>
        <source>Nothing to review in the next %1 days.</source>
        <translation>ไม่มีรายการที่ต้องทบทวนใน %1 วันข้างหน้า</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>เลยกำหนด %n วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>ครบกำหนดวันนี้</translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>ครบกำหนดในอีก %n วัน</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>เผยแพร่แล้ว</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>เก็บเข้าคลังแล้ว</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>หน้า %1 จาก %2</translation>
    </message>
    <message>
        <source>garbled</source>
        <translation>ข้อความเพี้ยน</translation>
    </message>
    <message>
        <source>Select an item, or drop files to add drafts.</source>
        <translation>เลือกรายการ หรือวางไฟล์เพื่อเพิ่มฉบับร่าง</translation>
    </message>
    <message numerus="yes">
        <source>opened %n time(s)</source>
        <translation>
            <numerusform>เปิดดู %n ครั้ง</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>by %n person(s)</source>
        <translation>
            <numerusform>โดย %n คน</numerusform>
        </translation>
    </message>
    <message>
        <source>not opened yet</source>
        <translation>ยังไม่มีผู้เปิดดู</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>ฉบับที่ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) kept</source>
        <translation>
            <numerusform>เก็บฉบับก่อนหน้าไว้ %n ฉบับ</numerusform>
        </translation>
    </message>
    <message>
        <source>No text was extracted from this file.</source>
        <translation>ไม่มีข้อความที่ดึงออกมาจากไฟล์นี้</translation>
    </message>
    <message>
        <source>This page&apos;s text may be garbled: %1</source>
        <translation>ข้อความในหน้านี้อาจเพี้ยน: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <source>Importing files…</source>
        <translation>กำลังนำเข้าไฟล์…</translation>
    </message>
    <message>
        <source>New file for this item</source>
        <translation>ไฟล์ใหม่สำหรับรายการนี้</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s) as draft(s).</source>
        <translation>
            <numerusform>นำเข้า %n ไฟล์เป็นฉบับร่างแล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>บันทึก “%1” แล้ว</translation>
    </message>
    <message>
        <source>Published “%1”, version %2: reps can find it now.</source>
        <translation>เผยแพร่ “%1” ฉบับที่ %2 แล้ว พนักงานขายค้นหาได้ทันที</translation>
    </message>
    <message>
        <source>Archived “%1”: it no longer shows in searches.</source>
        <translation>เก็บ “%1” เข้าคลังแล้ว จะไม่แสดงในผลการค้นหาอีก</translation>
    </message>
    <message>
        <source>Imported the new file as a draft of “%1”: check it, then publish it to replace the current version.</source>
        <translation>นำเข้าไฟล์ใหม่เป็นร่างของ “%1” แล้ว ตรวจสอบแล้วเผยแพร่เพื่อแทนที่ฉบับปัจจุบัน</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>เกิดข้อผิดพลาด: %1</translation>
    </message>
    <message>
        <source>Add files to the library</source>
        <translation>เพิ่มไฟล์ในคลังความรู้</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>เอกสาร (%1)</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question this line</source>
        <translation>สอบถามรายการนี้</translation>
    </message>
    <message>
        <source>You are questioning “%1” (%2). Your comp admin sees the line as it is now.</source>
        <translation>คุณกำลังสอบถามรายการ “%1” (%2) ผู้ดูแลค่าคอมมิชชันจะเห็นรายการนี้ตามที่แสดงอยู่ตอนนี้</translation>
    </message>
    <message>
        <source>What is wrong, and what did you expect? Name the deal if you can.</source>
        <translation>มีอะไรไม่ถูกต้อง และคุณคาดว่าควรเป็นอย่างไร ระบุดีลที่เกี่ยวข้องถ้าทำได้</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>แนบไฟล์…</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>ยังไม่ได้แนบไฟล์</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>ไฟล์แนบ</translation>
    </message>
    <message>
        <source>Send question</source>
        <translation>ส่งคำถาม</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2); choose another file.</source>
        <translation>อ่านไฟล์ %1 ไม่ได้ (%2) กรุณาเลือกไฟล์อื่น</translation>
    </message>
    <message>
        <source>%1 is not a file; choose a file.</source>
        <translation>%1 ไม่ใช่ไฟล์ กรุณาเลือกไฟล์</translation>
    </message>
    <message>
        <source>%1 is larger than 25 MB; attach a smaller file or a part of it.</source>
        <translation>ไฟล์ %1 ใหญ่เกิน 25 MB กรุณาแนบไฟล์ที่เล็กลงหรือเฉพาะบางส่วน</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>แนบไฟล์</translation>
    </message>
</context>
<context>
    <name>QuizDialog</name>
    <message>
        <source>Quiz: %1</source>
        <translation>แบบทดสอบ: %1</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>คำถามที่ %1 จาก %2</translation>
    </message>
    <message>
        <source>Choose %1. Keys %2 pick a choice; Enter goes on.</source>
        <translation>เลือก %1 ข้อ กดปุ่ม %2 เพื่อเลือกคำตอบ กด Enter เพื่อไปต่อ</translation>
    </message>
    <message>
        <source>one</source>
        <translation>หนึ่ง</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>ถัดไป</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จ</translation>
    </message>
    <message>
        <source>Saving your attempt…</source>
        <translation>กำลังบันทึกผลการทำแบบทดสอบ…</translation>
    </message>
    <message>
        <source>Attempt saved.</source>
        <translation>บันทึกผลแล้ว</translation>
    </message>
    <message>
        <source>The attempt could not be saved: %1</source>
        <translation>บันทึกผลไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>ผ่าน</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>ยังไม่ผ่าน</translation>
    </message>
    <message>
        <source>%1 of %2 right (%3%); the pass mark is %4%.</source>
        <translation>ตอบถูก %1 จาก %2 ข้อ (%3%) เกณฑ์ผ่านคือ %4%</translation>
    </message>
    <message>
        <source>Correct:</source>
        <translation>ถูก:</translation>
    </message>
    <message>
        <source>Wrong:</source>
        <translation>ผิด:</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>ไม่ได้ตอบ</translation>
    </message>
    <message>
        <source>Right answer: %1</source>
        <translation>คำตอบที่ถูก: %1</translation>
    </message>
    <message>
        <source>yours: %1</source>
        <translation>คำตอบของคุณ: %1</translation>
    </message>
</context>
<context>
    <name>QuoteCommissionPanel</name>
    <message>
        <source>Select a quote to see what it pays.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูว่าได้ค่าคอมมิชชันเท่าไร</translation>
    </message>
</context>
<context>
    <name>QuoteDetail</name>
    <message>
        <source>SKU</source>
        <translation>รหัสสินค้า</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>สินค้า</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Unit list price</source>
        <translation>ราคาตั้งต่อหน่วย</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>ราคาสุทธิ</translation>
    </message>
    <message>
        <source>The lines could not be loaded: %1</source>
        <translation>โหลดรายการสินค้าไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Select a quote to see its lines.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูรายการสินค้า</translation>
    </message>
    <message>
        <source>%1 v%2 · %3 · %4</source>
        <translation>%1 ฉบับที่ %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>QuotePage</name>
    <message>
        <source>Quotes</source>
        <translation>ใบเสนอราคา</translation>
    </message>
    <message>
        <source>Filter by number, customer, product (SKU or name), status or owner</source>
        <translation>กรองตามเลขที่ ลูกค้า สินค้า (SKU หรือชื่อ) สถานะ หรือเจ้าของ</translation>
    </message>
    <message>
        <source>Configure product…</source>
        <translation>กำหนดค่าสินค้า…</translation>
    </message>
    <message>
        <source>Configure a product under its rules (%1)</source>
        <translation>กำหนดค่าสินค้าตามกฎของสินค้า (%1)</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>ค่าคอมมิชชัน</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>Show only the quotes in one status</source>
        <translation>แสดงเฉพาะใบเสนอราคาในสถานะเดียว</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>การกำหนดค่า</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>ใบเสนอราคาใหม่</translation>
    </message>
    <message>
        <source>Start a new quote (Ctrl+N)</source>
        <translation>เริ่มใบเสนอราคาใหม่ (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <source>Open the selected quote in the wizard (Enter)</source>
        <translation>เปิดใบเสนอราคาที่เลือกในตัวช่วยสร้าง (Enter)</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>สร้างฉบับใหม่</translation>
    </message>
    <message>
        <source>Make a new version of the selected quote (Ctrl+Shift+R)</source>
        <translation>สร้างเวอร์ชันใหม่ของใบเสนอราคาที่เลือก (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Loading quotes…</source>
        <translation>กำลังโหลดใบเสนอราคา…</translation>
    </message>
    <message>
        <source>Could not load quotes: %1</source>
        <translation>โหลดใบเสนอราคาไม่สำเร็จ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>ใบเสนอราคา %n ใบ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 quotes</source>
        <translation>แสดง %1 จาก %2 ใบ</translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>Number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>ฉบับที่</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>ลูกค้า</translation>
    </message>
    <message>
        <source>Quote name</source>
        <translation>ชื่อใบเสนอราคา</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Quote date</source>
        <translation>วันที่เสนอราคา</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1 of %2: %3</source>
        <translation>ฉบับที่ %1 จาก %2: %3</translation>
    </message>
</context>
<context>
    <name>QuoteVersionsPanel</name>
    <message>
        <source>Version</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>&amp;Compare version</source>
        <translation>&amp;เปรียบเทียบฉบับ</translation>
    </message>
    <message>
        <source>with</source>
        <translation>กับ</translation>
    </message>
    <message>
        <source>The versions could not be compared: %1</source>
        <translation>เปรียบเทียบฉบับไม่ได้: %1</translation>
    </message>
    <message>
        <source>Select a quote to see its versions.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูฉบับต่าง ๆ</translation>
    </message>
    <message>
        <source>%1 has one version. Revise it to make a new one.</source>
        <translation>%1 มีฉบับเดียว แก้ไขเพื่อสร้างฉบับใหม่</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>กำลังเปรียบเทียบ…</translation>
    </message>
    <message>
        <source>Pick two different versions to compare.</source>
        <translation>เลือกสองฉบับที่ต่างกันเพื่อเปรียบเทียบ</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 to %2: %n change(s).</source>
        <translation>
            <numerusform>จากฉบับ %1 เป็นฉบับ %2: เปลี่ยน %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Total went from %1 to %2.</source>
        <translation>ยอดรวมจาก %1 เป็น %2</translation>
    </message>
</context>
<context>
    <name>QuoteWizard</name>
    <message>
        <source>Revise to version %1</source>
        <translation>แก้ไขเป็นเวอร์ชัน %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>กำลังเปิด %1…</translation>
    </message>
    <message>
        <source>The quote cannot be opened</source>
        <translation>เปิดใบเสนอราคาไม่ได้</translation>
    </message>
    <message>
        <source>Saving the quote…</source>
        <translation>กำลังบันทึกใบเสนอราคา…</translation>
    </message>
    <message>
        <source>Saved %1 version %2.</source>
        <translation>บันทึก %1 เวอร์ชัน %2 แล้ว</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>ไม่ได้บันทึกสิ่งใด</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>มีการเปลี่ยนแปลงที่ยังไม่บันทึก</translation>
    </message>
    <message>
        <source>This quote has changes that are not saved.</source>
        <translation>ใบเสนอราคานี้มีการเปลี่ยนแปลงที่ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Save them before leaving the quote?</source>
        <translation>บันทึกก่อนออกจากใบเสนอราคาหรือไม่</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>ถัดไป</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Back to quotes</source>
        <translation>กลับไปที่รายการใบเสนอราคา</translation>
    </message>
    <message>
        <source>Save quote</source>
        <translation>บันทึกใบเสนอราคา</translation>
    </message>
</context>
<context>
    <name>QuoteWizardPanels</name>
    <message>
        <source>Your commission</source>
        <translation>ค่าคอมมิชชันของคุณ</translation>
    </message>
    <message>
        <source>Suggested material</source>
        <translation>เอกสารแนะนำ</translation>
    </message>
</context>
<context>
    <name>RefresherControls</name>
    <message>
        <source>New &amp;&amp; changed (%1)</source>
        <translation>ใหม่และเปลี่ยนแปลง (%1)</translation>
    </message>
    <message>
        <source>Items you have not opened since they came out or changed</source>
        <translation>รายการที่คุณยังไม่ได้เปิดดูตั้งแต่เผยแพร่หรือเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Take quiz</source>
        <translation>ทำแบบทดสอบ</translation>
    </message>
    <message>
        <source>Check what you learned from the selected training item</source>
        <translation>ทดสอบความรู้จากเอกสารอบรมที่เลือก</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Review</source>
        <translation>ตรวจทาน</translation>
    </message>
    <message>
        <source>The quote has no price yet: go back to the Price step.</source>
        <translation>ใบเสนอราคายังไม่มีราคา: กลับไปที่ขั้นตอนราคา</translation>
    </message>
    <message>
        <source>Review and submit</source>
        <translation>ตรวจทานและส่ง</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>กำลังส่ง…</translation>
    </message>
    <message>
        <source>Submitting the quote…</source>
        <translation>กำลังส่งใบเสนอราคา…</translation>
    </message>
    <message>
        <source>Checking the approvals policy…</source>
        <translation>กำลังตรวจนโยบายการอนุมัติ…</translation>
    </message>
    <message>
        <source>Could not read the customer and products: %1</source>
        <translation>อ่านข้อมูลลูกค้าและสินค้าไม่ได้: %1</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>ใบเสนอราคาใหม่</translation>
    </message>
    <message>
        <source>%1 v%2 · %3 · %4</source>
        <translation>%1 ฉบับ %2 · %3 · %4</translation>
    </message>
    <message>
        <source>The quote cannot be priced yet.</source>
        <translation>ยังคำนวณราคาใบเสนอราคาไม่ได้</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>ราคาตั้ง</translation>
    </message>
    <message numerus="yes">
        <source>Sum of list price × quantity over %n line(s), options included</source>
        <translation>
            <numerusform>ผลรวมราคาตั้ง × จำนวน ของ %n รายการ รวมตัวเลือก</numerusform>
        </translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>ส่วนลด</translation>
    </message>
    <message>
        <source>List price %1 minus net %2</source>
        <translation>ราคาตั้ง %1 ลบราคาสุทธิ %2</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>ครั้งเดียว</translation>
    </message>
    <message>
        <source>Net of the hardware and service lines</source>
        <translation>ราคาสุทธิของรายการฮาร์ดแวร์และบริการ</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>ต่อเนื่อง</translation>
    </message>
    <message>
        <source>Subscriptions over their whole term: MRR %1, ARR %2</source>
        <translation>ค่าบริการตลอดอายุสัญญา: MRR %1, ARR %2</translation>
    </message>
    <message>
        <source>Total contract value</source>
        <translation>มูลค่าสัญญารวม</translation>
    </message>
    <message>
        <source>One-time %1 + recurring %2</source>
        <translation>ครั้งเดียว %1 + ต่อเนื่อง %2</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>กำไรขั้นต้น</translation>
    </message>
    <message>
        <source>Net %1 minus cost %2</source>
        <translation>ราคาสุทธิ %1 ลบต้นทุน %2</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>เลือกแล้ว</translation>
    </message>
    <message>
        <source>Alternatives the customer chooses from</source>
        <translation>ทางเลือกที่ลูกค้าเลือกได้</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>ทางเลือก</translation>
    </message>
    <message>
        <source>Option net</source>
        <translation>ราคาสุทธิของทางเลือก</translation>
    </message>
    <message>
        <source>Quote with it</source>
        <translation>ใบเสนอราคาเมื่อเลือก</translation>
    </message>
    <message>
        <source>Non-standard terms</source>
        <translation>ข้อกำหนดที่ไม่เป็นมาตรฐาน</translation>
    </message>
    <message>
        <source>taken out</source>
        <translation>นำออกแล้ว</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>แก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>ข้อกำหนด</translation>
    </message>
    <message numerus="yes">
        <source>%n clause(s), all standard.</source>
        <translation>
            <numerusform>%n ข้อ เป็นข้อมาตรฐานทั้งหมด</numerusform>
        </translation>
    </message>
    <message>
        <source>The approvals cannot be checked until the quote is priced.</source>
        <translation>ตรวจการอนุมัติไม่ได้จนกว่าใบเสนอราคาจะมีราคา</translation>
    </message>
    <message>
        <source>Submitted: waiting for the approvers below.</source>
        <translation>ส่งแล้ว: รอผู้อนุมัติด้านล่าง</translation>
    </message>
    <message>
        <source>Approved: the quote can be sent.</source>
        <translation>อนุมัติแล้ว: ส่งใบเสนอราคาได้</translation>
    </message>
    <message>
        <source>This quote needs approval before it is sent: %1.</source>
        <translation>ใบเสนอราคานี้ต้องได้รับอนุมัติก่อนส่ง: %1</translation>
    </message>
    <message>
        <source>No approval needed: under the current policy this quote can go straight to the customer.</source>
        <translation>ไม่ต้องขออนุมัติ: ตามนโยบายปัจจุบันส่งใบเสนอราคานี้ถึงลูกค้าได้เลย</translation>
    </message>
    <message>
        <source>approved at %1</source>
        <translation>อนุมัติที่ %1</translation>
    </message>
    <message>
        <source>Changed since it was approved</source>
        <translation>เปลี่ยนไปหลังได้รับอนุมัติ</translation>
    </message>
    <message>
        <source>Needs approval again:</source>
        <translation>ต้องขออนุมัติอีกครั้ง:</translation>
    </message>
    <message>
        <source>Nothing got worse: no new approval is needed.</source>
        <translation>ไม่มีสิ่งใดแย่ลง: ไม่ต้องขออนุมัติใหม่</translation>
    </message>
    <message>
        <source>Still covered by the approval:</source>
        <translation>ยังอยู่ในขอบเขตการอนุมัติเดิม:</translation>
    </message>
    <message>
        <source>&amp;Submit for approval</source>
        <translation>&amp;ส่งขออนุมัติ</translation>
    </message>
    <message>
        <source>&amp;Mark approved</source>
        <translation>&amp;ทำเครื่องหมายว่าอนุมัติ</translation>
    </message>
    <message>
        <source>Save the quote and send it to its approvers</source>
        <translation>บันทึกใบเสนอราคาและส่งถึงผู้อนุมัติ</translation>
    </message>
    <message>
        <source>Save the quote as approved: nothing in it needs approval</source>
        <translation>บันทึกใบเสนอราคาเป็นอนุมัติแล้ว: ไม่มีสิ่งใดต้องขออนุมัติ</translation>
    </message>
    <message>
        <source>%1 v%2 is in review.</source>
        <translation>%1 ฉบับ %2 อยู่ระหว่างพิจารณา</translation>
    </message>
    <message>
        <source>%1 v%2 is approved and can be sent.</source>
        <translation>%1 ฉบับ %2 อนุมัติแล้วและส่งได้</translation>
    </message>
    <message>
        <source>The quote was not submitted (nothing was saved): %1</source>
        <translation>ไม่ได้ส่งใบเสนอราคา (ไม่มีการบันทึก): %1</translation>
    </message>
</context>
<context>
    <name>SessionState</name>
    <message>
        <source>Signed out of %1.</source>
        <translation>ลงชื่อออกจาก %1 แล้ว</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>กำลังลงชื่อออก…</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>ลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <source>Your session has ended</source>
        <translation>เซสชันของคุณหมดอายุแล้ว</translation>
    </message>
    <message>
        <source>Sign in again to keep syncing. Nothing on this computer was lost: your quotes and unsent changes are kept and go up after you sign in.</source>
        <translation>ลงชื่อเข้าใช้อีกครั้งเพื่อซิงค์ต่อ ข้อมูลในเครื่องนี้ไม่หายไปไหน ใบเสนอราคาและการเปลี่ยนแปลงที่ยังไม่ได้ส่งจะถูกเก็บไว้และส่งขึ้นเซิร์ฟเวอร์หลังจากคุณลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <source>Keep working offline</source>
        <translation>ทำงานแบบออฟไลน์ต่อ</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s Dealkit server</source>
        <translation>ลงชื่อเข้าใช้เซิร์ฟเวอร์ Dealkit ของทีม</translation>
    </message>
    <message>
        <source>Signing in syncs your quotes, approvals, statements and the library with your team. You can work offline without it.</source>
        <translation>การลงชื่อเข้าใช้จะซิงค์ใบเสนอราคา การอนุมัติ ใบแจ้งค่าคอมมิชชัน และคลังเอกสารกับทีมของคุณ คุณทำงานแบบออฟไลน์ได้โดยไม่ต้องลงชื่อเข้าใช้</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>ที่อยู่&amp;เซิร์ฟเวอร์:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>ชื่อ&amp;ผู้ใช้:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;รหัสผ่าน:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>กำลังลงชื่อเข้าใช้…</translation>
    </message>
    <message>
        <source>Enter the server address your admin gave you.</source>
        <translation>กรอกที่อยู่เซิร์ฟเวอร์ที่ผู้ดูแลระบบให้ไว้</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>กรอกชื่อผู้ใช้</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>กรอกรหัสผ่าน</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>ลงชื่อเข้าใช้ไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>SpifProgress</name>
    <message>
        <source>%1 of %2 %3 booked: %4</source>
        <translation>%3 ทำยอดได้ %1 จาก %2: %4</translation>
    </message>
    <message>
        <source>%1 of %2 %3 sold: %4</source>
        <translation>ขาย %3 ได้ %1 จาก %2: %4</translation>
    </message>
    <message>
        <source>won!</source>
        <translation>ได้รางวัลแล้ว!</translation>
    </message>
</context>
<context>
    <name>StatementTree</name>
    <message>
        <source>Line and how it was computed</source>
        <translation>รายการและวิธีคำนวณ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message numerus="yes">
        <source>Credits behind this line (%n)</source>
        <translation>
            <numerusform>ยอดขายที่นับให้รายการนี้ (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Questioned: %1</source>
        <translation>สอบถามแล้ว: %1</translation>
    </message>
    <message>
        <source>Question…</source>
        <translation>สอบถาม…</translation>
    </message>
    <message>
        <source>Question this line…</source>
        <translation>สอบถามรายการนี้…</translation>
    </message>
    <message>
        <source>Copy the line and how it was computed</source>
        <translation>คัดลอกรายการและวิธีคำนวณ</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Battlecards</source>
        <translation>เอกสารเปรียบเทียบคู่แข่ง</translation>
    </message>
    <message>
        <source>Customer stories</source>
        <translation>เรื่องราวความสำเร็จของลูกค้า</translation>
    </message>
    <message>
        <source>Datasheets</source>
        <translation>เอกสารข้อมูลผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <source>Market notes</source>
        <translation>บทวิเคราะห์ตลาด</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>นโยบาย</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open an item in the Library.</source>
        <translation>ดับเบิลคลิกหรือกด Enter เพื่อเปิดรายการในคลังความรู้</translation>
    </message>
    <message>
        <source>Suggestions could not be found: %1</source>
        <translation>ค้นหาเอกสารแนะนำไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <source>Looking for material that helps this quote…</source>
        <translation>กำลังค้นหาเอกสารที่ช่วยใบเสนอราคานี้…</translation>
    </message>
    <message>
        <source>Nothing in the library matches this quote yet: add products, or name a competitor.</source>
        <translation>ยังไม่มีเอกสารในคลังที่ตรงกับใบเสนอราคานี้: เพิ่มสินค้า หรือระบุชื่อคู่แข่ง</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>คลังความรู้</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Syncing…</source>
        <translation>กำลังซิงค์…</translation>
    </message>
    <message numerus="yes">
        <source>Sign in to sync — %n change(s) waiting</source>
        <translation>
            <numerusform>ลงชื่อเข้าใช้เพื่อซิงค์ — มี %n การเปลี่ยนแปลงรออยู่</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to sync</source>
        <translation>ลงชื่อเข้าใช้เพื่อซิงค์</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>ออฟไลน์ — มี %n การเปลี่ยนแปลงรออยู่</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — your work is saved on this computer</source>
        <translation>ออฟไลน์ — งานของคุณบันทึกไว้ในเครื่องนี้</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>ยังไม่ได้ซิงค์</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>ซิงค์แล้ว %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>มี %n การเปลี่ยนแปลงรออยู่</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>เมื่อสักครู่</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n นาทีที่แล้ว</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n ชั่วโมงที่แล้ว</numerusform>
        </translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>เซิร์ฟเวอร์: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server:</source>
        <translation>
            <numerusform>เซิร์ฟเวอร์ปฏิเสธ %n การเปลี่ยนแปลง:</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now: F5</source>
        <translation>ซิงค์ตอนนี้: F5</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;ซิงค์ตอนนี้</translation>
    </message>
    <message>
        <source>Your decision on %1 was not recorded: %2</source>
        <translation>การตัดสินใจของคุณเรื่อง %1 ไม่ได้บันทึก: %2</translation>
    </message>
</context>
<context>
    <name>TermsStep</name>
    <message>
        <source>Terms</source>
        <translation>ข้อกำหนด</translation>
    </message>
    <message>
        <source>The clause library is still loading.</source>
        <translation>คลังข้อกำหนดยังโหลดไม่เสร็จ</translation>
    </message>
    <message>
        <source>Terms and conditions</source>
        <translation>ข้อกำหนดและเงื่อนไข</translation>
    </message>
    <message>
        <source>Standard clauses are ticked. Untick one to take it out, tick an optional clause to add it, or pick a pre-approved wording. Taking a standard clause out or editing a wording is a non-standard term: it needs approval and shows as a redline.</source>
        <translation>ข้อมาตรฐานถูกเลือกไว้แล้ว เอาเครื่องหมายออกเพื่อนำข้อออก ทำเครื่องหมายข้อเลือกเพิ่มเพื่อเพิ่ม หรือเลือกถ้อยคำที่อนุมัติไว้ล่วงหน้า การนำข้อมาตรฐานออกหรือแก้ถ้อยคำถือเป็นข้อกำหนดไม่เป็นมาตรฐาน: ต้องขออนุมัติและแสดงเป็นรอยแก้ไข</translation>
    </message>
    <message>
        <source>Terms &amp;language:</source>
        <translation>&amp;ภาษาของข้อกำหนด:</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>ข้อ</translation>
    </message>
    <message>
        <source>In this quote</source>
        <translation>ในใบเสนอราคานี้</translation>
    </message>
    <message>
        <source>&amp;Wording:</source>
        <translation>&amp;ถ้อยคำ:</translation>
    </message>
    <message>
        <source>&amp;Apply edit</source>
        <translation>&amp;ใช้ข้อความที่แก้</translation>
    </message>
    <message>
        <source>Use the text above in this quote (Ctrl+Return)</source>
        <translation>ใช้ข้อความด้านบนในใบเสนอราคานี้ (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Restore library text</source>
        <translation>&amp;คืนข้อความจากคลัง</translation>
    </message>
    <message>
        <source>Changes against the library text</source>
        <translation>การเปลี่ยนแปลงเทียบกับข้อความในคลัง</translation>
    </message>
    <message>
        <source>Non-standard terms (need approval)</source>
        <translation>ข้อกำหนดที่ไม่เป็นมาตรฐาน (ต้องขออนุมัติ)</translation>
    </message>
    <message>
        <source>Add clause %1</source>
        <translation>เพิ่มข้อ %1</translation>
    </message>
    <message>
        <source>Drop clause %1</source>
        <translation>ไม่ใช้ข้อ %1</translation>
    </message>
    <message>
        <source>Take out clause %1</source>
        <translation>นำข้อ %1 ออก</translation>
    </message>
    <message>
        <source>Restore clause %1</source>
        <translation>คืนข้อ %1</translation>
    </message>
    <message>
        <source>Use wording %1</source>
        <translation>ใช้ถ้อยคำ %1</translation>
    </message>
    <message>
        <source>Edit clause %1</source>
        <translation>แก้ไขข้อ %1</translation>
    </message>
    <message>
        <source>Reading the clause library…</source>
        <translation>กำลังอ่านคลังข้อกำหนด…</translation>
    </message>
    <message>
        <source>Clauses for region %1 and products %2</source>
        <translation>ข้อกำหนดสำหรับภูมิภาค %1 และสินค้า %2</translation>
    </message>
    <message>
        <source>These terms cannot be used as they are: %1</source>
        <translation>ใช้ข้อกำหนดเหล่านี้ตามที่เป็นอยู่ไม่ได้: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n non-standard term(s): the Review step asks for approval.</source>
        <translation>
            <numerusform>ข้อกำหนดไม่เป็นมาตรฐาน %n ข้อ: ขั้นตอนตรวจทานจะขออนุมัติ</numerusform>
        </translation>
    </message>
    <message>
        <source>All terms are standard.</source>
        <translation>ข้อกำหนดทั้งหมดเป็นมาตรฐาน</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>อเมริกาเหนือ</translation>
    </message>
    <message>
        <source>Asia Pacific</source>
        <translation>เอเชียแปซิฟิก</translation>
    </message>
    <message>
        <source>Europe, Middle East and Africa</source>
        <translation>ยุโรป ตะวันออกกลาง และแอฟริกา</translation>
    </message>
    <message>
        <source>Latin America</source>
        <translation>ละตินอเมริกา</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(ใดก็ได้)</translation>
    </message>
    <message>
        <source>Could not read the customer and products: %1</source>
        <translation>อ่านข้อมูลลูกค้าและสินค้าไม่ได้: %1</translation>
    </message>
    <message>
        <source>Terms in %1</source>
        <translation>ข้อกำหนดเป็น%1</translation>
    </message>
    <message>
        <source>Standard clauses</source>
        <translation>ข้อมาตรฐาน</translation>
    </message>
    <message>
        <source>Optional clauses</source>
        <translation>ข้อเลือกเพิ่ม</translation>
    </message>
    <message>
        <source>Taken out · needs approval</source>
        <translation>นำออกแล้ว · ต้องขออนุมัติ</translation>
    </message>
    <message>
        <source>Not included</source>
        <translation>ไม่ได้รวม</translation>
    </message>
    <message>
        <source>Edited · needs approval</source>
        <translation>แก้ไขแล้ว · ต้องขออนุมัติ</translation>
    </message>
    <message>
        <source>Alternative: %1</source>
        <translation>ทางเลือก: %1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>เพิ่มแล้ว</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>มาตรฐาน</translation>
    </message>
    <message>
        <source>Select a clause to read or edit it.</source>
        <translation>เลือกข้อเพื่ออ่านหรือแก้ไข</translation>
    </message>
    <message>
        <source>Standard wording</source>
        <translation>ถ้อยคำมาตรฐาน</translation>
    </message>
    <message>
        <source>Not in this quote. Tick it to add it.</source>
        <translation>ไม่อยู่ในใบเสนอราคานี้ ทำเครื่องหมายเพื่อเพิ่ม</translation>
    </message>
    <message>
        <source>Same as the library text.</source>
        <translation>ตรงกับข้อความในคลัง</translation>
    </message>
    <message>
        <source>None: every clause is as the library has it.</source>
        <translation>ไม่มี: ทุกข้อตรงกับคลังข้อกำหนด</translation>
    </message>
    <message>
        <source>taken out</source>
        <translation>นำออกแล้ว</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>แก้ไขแล้ว</translation>
    </message>
</context>
<context>
    <name>WhyPanel</name>
    <message>
        <source>Why this needs approval</source>
        <translation>เหตุที่ต้องขออนุมัติ</translation>
    </message>
    <message>
        <source>Approval route</source>
        <translation>ลำดับการอนุมัติ</translation>
    </message>
    <message>
        <source>The approvers decide in their own queue; this route is for information.</source>
        <translation>ผู้อนุมัติตัดสินใจในคิวของตนเอง ลำดับนี้แสดงไว้เพื่อทราบ</translation>
    </message>
    <message>
        <source>Select a quote to see why it needs approval.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูว่าทำไมต้องขออนุมัติ</translation>
    </message>
    <message>
        <source>Working out why…</source>
        <translation>กำลังตรวจสอบเหตุผล…</translation>
    </message>
    <message>
        <source>This quote&apos;s approvals could not be checked.</source>
        <translation>ตรวจสอบการอนุมัติของใบเสนอราคานี้ไม่ได้</translation>
    </message>
    <message>
        <source>Under the current policy this quote needs no approval.</source>
        <translation>ตามนโยบายปัจจุบัน ใบเสนอราคานี้ไม่ต้องขออนุมัติ</translation>
    </message>
</context>
<context>
    <name>WhyPricePanel</name>
    <message>
        <source>Step</source>
        <translation>ขั้นตอน</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Line %1 (%2) cannot be priced: %3</source>
        <translation>รายการ %1 (%2) คิดราคาไม่ได้: %3</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ยังไม่ได้</translation>
    </message>
    <message>
        <source>Why line %1 (%2, %3) costs %4</source>
        <translation>ทำไมรายการ %1 (%2, %3) ราคา %4</translation>
    </message>
</context>
<context>
    <name>WizardHeader</name>
    <message>
        <source>New quote</source>
        <translation>ใบเสนอราคาใหม่</translation>
    </message>
    <message>
        <source>no customer yet</source>
        <translation>ยังไม่มีลูกค้า</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · ยังไม่ได้บันทึก</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n line(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n รายการ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No total: %n problem(s) to fix (see the Price step)</source>
        <translation>
            <numerusform>ยังไม่มียอดรวม: ต้องแก้ %n ปัญหา (ดูขั้นตอนราคา)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pricing…</source>
        <translation>กำลังคิดราคา…</translation>
    </message>
    <message>
        <source>One-time %1 · MRR %2 · ARR %3 · TCV %4 · Margin %5%</source>
        <translation>ครั้งเดียว %1 · MRR %2 · ARR %3 · TCV %4 · กำไร %5%</translation>
    </message>
</context>
</TS>
