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
    <message>
        <source>%1 of %2 %3 booked: %4</source>
        <translation>%3 ทำยอดได้ %1 จาก %2: %4</translation>
    </message>
    <message>
        <source>%1 of %2 %3 sold: %4</source>
        <translation>ขาย %3 ได้ %1 จาก %2: %4</translation>
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
    <message>
        <source>won!</source>
        <translation>ได้รางวัลแล้ว!</translation>
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
        <source>Library</source>
        <translation>คลังความรู้</translation>
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
        <source>The library could not be searched: %1</source>
        <translation>ค้นหาในคลังความรู้ไม่สำเร็จ: %1</translation>
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
        <source>Search quotes, customers and the library  (Ctrl+K)</source>
        <translation>ค้นหาใบเสนอราคา ลูกค้า และคลังความรู้  (Ctrl+K)</translation>
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
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
    <name>QuoteCommissionPanel</name>
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
        <source>Select a quote to see what it pays.</source>
        <translation>เลือกใบเสนอราคาเพื่อดูว่าได้ค่าคอมมิชชันเท่าไร</translation>
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
        <source>Filter by number, customer, name, status or owner</source>
        <translation>กรองตามเลขที่ ลูกค้า ชื่อ สถานะ หรือเจ้าของ</translation>
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
        <source>Configuration</source>
        <translation>การกำหนดค่า</translation>
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
</TS>
