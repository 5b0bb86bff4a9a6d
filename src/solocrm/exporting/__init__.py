"""Getting data out: customers, orders and any filtered list, as CSV, Excel or vCard.

CSV is UTF-8 with a BOM so Excel on Chinese Windows shows Chinese instead of
mojibake; .xlsx cells are typed (numbers as numbers, dates as dates) so sums
and filters work; vCard 3.0 goes back into any phone.  Column headers are the
field names the importer recognises, so an export imports again unchanged.
"""
