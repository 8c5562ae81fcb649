#!/usr/bin/env python3
"""Prints a decision table (.xlsx) as text, one line per non-empty row with its cell references,
so that `git diff` shows which rule and which cell changed. Standard library only.

    python3 rules/tools/xlsx-text.py rules/eligibility.drl.xlsx

Set up once per clone:  git config diff.xlsx.textconv "python3 rules/tools/xlsx-text.py"
(.gitattributes already marks *.xlsx with diff=xlsx).
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'pr': 'http://schemas.openxmlformats.org/package/2006/relationships'}


def text_of(node):
    return ''.join(t.text or '' for t in node.iter('{%s}t' % NS['m']))


def main(path):
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared = []
        if 'xl/sharedStrings.xml' in names:
            shared = [text_of(si) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS)]
        rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
        for sheet in ET.fromstring(z.read('xl/workbook.xml')).find('m:sheets', NS):
            target = rels[sheet.get('{%s}id' % NS['r'])].lstrip('/')
            target = target if target.startswith('xl/') else 'xl/' + target
            root = ET.fromstring(z.read(target))
            print('== sheet %s' % sheet.get('name'))
            for row in root.iter('{%s}row' % NS['m']):
                cells = []
                for c in row.findall('m:c', NS):
                    kind, v = c.get('t'), c.find('m:v', NS)
                    if kind == 's' and v is not None:
                        value = shared[int(v.text)]
                    elif kind == 'inlineStr':
                        value = text_of(c)
                    elif v is not None:
                        value = v.text
                        if kind in (None, 'n') and re.fullmatch(r'-?\d+\.0', value):
                            value = value[:-2]
                    else:
                        continue
                    if value != '':
                        cells.append('%s=%s' % (re.sub(r'\d', '', c.get('r')), value.replace('\n', ' ')))
                if cells:
                    print('row %s: %s' % (row.get('r'), ' | '.join(cells)))
            merges = root.find('m:mergeCells', NS)
            if merges is not None:
                print('merged: ' + ', '.join(m.get('ref') for m in merges))


if __name__ == '__main__':
    main(sys.argv[1])
