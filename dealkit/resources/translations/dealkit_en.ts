<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_US">
<context>
    <name>CommissionsPage</name>
    <message numerus="yes">
        <source>%n component(s) paying</source>
        <translation>
            <numerusform>%n component paying</numerusform>
            <numerusform>%n components paying</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to go in %n day(s)</source>
        <translation>
            <numerusform>%1 to go in %n day</numerusform>
            <numerusform>%1 to go in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more to go</source>
        <translation>
            <numerusform>%n more to go</numerusform>
            <numerusform>%n more to go</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n result for “%1”</numerusform>
            <numerusform>%n results for “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message numerus="yes">
        <source>Continue %1 v%2, line %3: %4 (%n choice(s))</source>
        <translation>
            <numerusform>Continue %1 v%2, line %3: %4 (%n choice)</numerusform>
            <numerusform>Continue %1 v%2, line %3: %4 (%n choices)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotePage</name>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementTree</name>
    <message numerus="yes">
        <source>Credits behind this line (%n)</source>
        <translation>
            <numerusform>Credit behind this line (%n)</numerusform>
            <numerusform>Credits behind this line (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
