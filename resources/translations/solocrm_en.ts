<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalyticsPage</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="653"/>
        <source>mean %1 · %Ln answer(s)</source>
        <translation>
            <numerusform>mean %1 · %Ln answer</numerusform>
            <numerusform>mean %1 · %Ln answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="656"/>
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/customer_list.py" line="336"/>
        <source>Within %n days</source>
        <translation>
            <numerusform>Within %n day</numerusform>
            <numerusform>Within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/customer_list.py" line="392"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="205"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="208"/>
        <source>%Ln group(s) to check</source>
        <translation>
            <numerusform>%Ln group to check</numerusform>
            <numerusform>%Ln groups to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_widgets.py" line="209"/>
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="402"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
        </translation>
    </message>
</context>
</TS>
