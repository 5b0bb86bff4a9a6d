"""Getting data in (数据导入): read files, clean values, map columns, de-duplicate, commit as undoable batches.

Readers (``sources``) turn CSV, Excel and vCard files into rows of cells;
``values`` cleans what people write; ``mapping`` guesses which column holds
what; ``engine`` runs an import in one transaction (a dry run rolls it back);
``batches`` lists and undoes imports; ``dedupe`` and ``merge`` keep the file clean.
"""
