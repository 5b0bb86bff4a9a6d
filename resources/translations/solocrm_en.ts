<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalyticsPage</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="661"/>
        <source>mean %1 · %Ln answer(s)</source>
        <translation>
            <numerusform>mean %1 · %Ln answer</numerusform>
            <numerusform>mean %1 · %Ln answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/analytics_page.py" line="664"/>
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
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="217"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="220"/>
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
        <location filename="../../src/solocrm/ui/import_wizard.py" line="328"/>
        <source>%Ln lines left out (they cannot be read as %1)</source>
        <translation>
            <numerusform>%Ln line left out (it cannot be read as %1)</numerusform>
            <numerusform>%Ln lines left out (they cannot be read as %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="477"/>
        <source>Also show namesakes with their own phone numbers (%Ln)</source>
        <translation>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
            <numerusform>Also show namesakes with their own phone numbers (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="519"/>
        <source>%Ln rows read: %1 new, %2 updated, %3 merged into another row, %4 already there, %5 rejected.</source>
        <translation>
            <numerusform>%Ln row read: %1 new, %2 updated, %3 merged into another row, %4 already there, %5 rejected.</numerusform>
            <numerusform>%Ln rows read: %1 new, %2 updated, %3 merged into another row, %4 already there, %5 rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="525"/>
        <source>%Ln customers not found are created.</source>
        <translation>
            <numerusform>%Ln customer not found is created.</numerusform>
            <numerusform>%Ln customers not found are created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="527"/>
        <source>%Ln orders have an amount of 0 (free samples, gifts, replacements): they count as purchases and add nothing to spend.</source>
        <translation>
            <numerusform>%Ln order has an amount of 0 (a free sample, gift or replacement): it counts as a purchase and adds nothing to spend.</numerusform>
            <numerusform>%Ln orders have an amount of 0 (free samples, gifts, replacements): they count as purchases and add nothing to spend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="530"/>
        <source>%Ln cells could not be read and are left out; their rows are imported without them (see “Cells left out”).</source>
        <translation>
            <numerusform>%Ln cell could not be read and is left out; its row is imported without it (see “Cells left out”).</numerusform>
            <numerusform>%Ln cells could not be read and are left out; their rows are imported without them (see “Cells left out”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="535"/>
        <source>%Ln values differ from the customer&apos;s current one: the current value is kept unless you tick “Use the file&apos;s value”.</source>
        <translation>
            <numerusform>%Ln value differs from the customer&apos;s current one: the current value is kept unless you tick “Use the file&apos;s value”.</numerusform>
            <numerusform>%Ln values differ from the customer&apos;s current one: the current value is kept unless you tick “Use the file&apos;s value”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="539"/>
        <source>%Ln values differed from the customer&apos;s current one: %1 taken from the file, the others kept.</source>
        <translation>
            <numerusform>%Ln value differed from the customer&apos;s current one: %1 taken from the file, the others kept.</numerusform>
            <numerusform>%Ln values differed from the customer&apos;s current one: %1 taken from the file, the others kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="547"/>
        <source>%Ln rows name a customer whose phone, email or customer ID differs: each goes to a new customer unless you tick “Attach to this customer”.</source>
        <translation>
            <numerusform>%Ln row names a customer whose phone, email or customer ID differs: it goes to a new customer unless you tick “Attach to this customer”.</numerusform>
            <numerusform>%Ln rows name a customer whose phone, email or customer ID differs: each goes to a new customer unless you tick “Attach to this customer”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="550"/>
        <source>%Ln rows named a customer whose phone, email or customer ID differed: %1 attached to that customer, the others went to new customers.</source>
        <translation>
            <numerusform>%Ln row named a customer whose phone, email or customer ID differed: %1 attached to that customer, the others went to new customers.</numerusform>
            <numerusform>%Ln rows named a customer whose phone, email or customer ID differed: %1 attached to that customer, the others went to new customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/import_wizard.py" line="569"/>
        <source>%Ln rejected rows saved to %1. Fix them and import that file.</source>
        <translation>
            <numerusform>%Ln rejected row saved to %1. Fix it and import that file.</numerusform>
            <numerusform>%Ln rejected rows saved to %1. Fix them and import that file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="95"/>
        <source>%n orders</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="97"/>
        <source>%n interactions</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="99"/>
        <source>%n survey answers</source>
        <translation>
            <numerusform>%n survey answer</numerusform>
            <numerusform>%n survey answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/solocrm/ui/duplicates_page.py" line="100"/>
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
</TS>
