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
    <name>ConfigureStep</name>
    <message numerus="yes">
        <source>Remove %n line(s)</source>
        <translation>
            <numerusform>Remove %n line</numerusform>
            <numerusform>Remove %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message numerus="yes">
        <source>%n item(s) new or changed since you last looked</source>
        <translation>
            <numerusform>%n item new or changed since you last looked</numerusform>
            <numerusform>%n items new or changed since you last looked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n result for “%1”</numerusform>
            <numerusform>%n results for “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPreview</name>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriceStep</name>
    <message numerus="yes">
        <source>Remove %n line(s)</source>
        <translation>
            <numerusform>Remove %n line</numerusform>
            <numerusform>Remove %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
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
    <name>ProposalStep</name>
    <message numerus="yes">
        <source>%n page(s) generated. Save it or open it in your PDF viewer.</source>
        <translation>
            <numerusform>%n page generated. Save it or open it in your PDF viewer.</numerusform>
            <numerusform>%n pages generated. Save it or open it in your PDF viewer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishPage</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>opened %n time(s)</source>
        <translation>
            <numerusform>opened %n time</numerusform>
            <numerusform>opened %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>by %n person(s)</source>
        <translation>
            <numerusform>by %n person</numerusform>
            <numerusform>by %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) kept</source>
        <translation>
            <numerusform>%n earlier version kept</numerusform>
            <numerusform>%n earlier versions kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s) as draft(s).</source>
        <translation>
            <numerusform>Imported %n file as a draft.</numerusform>
            <numerusform>Imported %n files as drafts.</numerusform>
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
    <name>QuoteVersionsPanel</name>
    <message numerus="yes">
        <source>Version %1 to %2: %n change(s).</source>
        <translation>
            <numerusform>Version %1 to %2: %n change.</numerusform>
            <numerusform>Version %1 to %2: %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message numerus="yes">
        <source>Sum of list price × quantity over %n line(s), options included</source>
        <translation>
            <numerusform>List price × quantity of %n line, options included</numerusform>
            <numerusform>Sum of list price × quantity over %n lines, options included</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clause(s), all standard.</source>
        <translation>
            <numerusform>%n clause, standard.</numerusform>
            <numerusform>%n clauses, all standard.</numerusform>
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
<context>
    <name>SyncService</name>
    <message numerus="yes">
        <source>Sign in to sync — %n change(s) waiting</source>
        <translation>
            <numerusform>Sign in to sync — %n change waiting</numerusform>
            <numerusform>Sign in to sync — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n change waiting</numerusform>
            <numerusform>Offline — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server:</source>
        <translation>
            <numerusform>%n change refused by the server:</numerusform>
            <numerusform>%n changes refused by the server:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TermsStep</name>
    <message numerus="yes">
        <source>%n non-standard term(s): the Review step asks for approval.</source>
        <translation>
            <numerusform>%n non-standard term: the Review step asks for approval.</numerusform>
            <numerusform>%n non-standard terms: the Review step asks for approval.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardHeader</name>
    <message numerus="yes">
        <source>%1 · %2 · %n line(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n line</numerusform>
            <numerusform>%1 · %2 · %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No total: %n problem(s) to fix (see the Price step)</source>
        <translation>
            <numerusform>No total: %n problem to fix (see the Price step)</numerusform>
            <numerusform>No total: %n problems to fix (see the Price step)</numerusform>
        </translation>
    </message>
</context>
</TS>
