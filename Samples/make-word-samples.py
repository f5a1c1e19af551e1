#!/usr/bin/env python3
"""Makes the Word samples (Samples/*.docx) from the Markdown samples with a word processor.

Each Markdown sample is turned into HTML (Python-Markdown, tables extension) and LibreOffice
writes it as .docx (`soffice --headless --convert-to docx`). An HTML comment does not survive
that, so a suppression comment of the Markdown becomes a Word comment on the paragraph it
applies to, and LibreOffice saves the document once more. Needs `pip install markdown` and
LibreOffice (Debian: libreoffice-writer-nogui). The tests read the committed files and need
neither.
"""
import pathlib, re, shutil, subprocess, sys, tempfile, zipfile

import markdown

SAMPLES = pathlib.Path(__file__).resolve().parent
DRAFTS = ["international-cooperation", "numeric-mistakes", "structure-mistakes", "style-mistakes", "tables/statistical-tables"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def soffice(source, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True)


def add_comment(path, needle, text):
    """A Word comment holding `text`, anchored on the paragraph whose text has `needle`."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    doc = files["word/document.xml"].decode("utf-8")
    for m in re.finditer(r"<w:p[ >].*?</w:p>", doc, re.S):
        if needle in "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", m.group(0))):
            p = m.group(0)
            j = p.find("</w:pPr>") + len("</w:pPr>") if "</w:pPr>" in p else p.find(">") + 1
            p = (p[:j] + '<w:commentRangeStart w:id="0"/>' + p[j:-len("</w:p>")]
                 + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
            doc = doc[:m.start()] + p + doc[m.end():]
            break
    else:
        sys.exit(f"{path}: no paragraph with {needle}")
    files["word/document.xml"] = doc.encode("utf-8")
    files["word/comments.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
                                  f'<w:comment w:id="0" w:author="editor" w:initials="E"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
                                  f'</w:comment></w:comments>').encode("utf-8")
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    files["word/_rels/document.xml.rels"] = rels.replace("</Relationships>",
        '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
        'Target="comments.xml"/></Relationships>').encode("utf-8")
    types = files["[Content_Types].xml"].decode("utf-8")
    files["[Content_Types].xml"] = types.replace("</Types>",
        '<Override PartName="/word/comments.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>').encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for draft in DRAFTS:
            source = (SAMPLES / f"{draft}.md").read_text(encoding="utf-8")
            name = pathlib.Path(draft).name
            html = tmp / f"{name}.html"
            html.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                            + markdown.markdown(source, extensions=["tables"]) + "</body></html>", encoding="utf-8")
            soffice(html, tmp)
            docx = tmp / f"{name}.docx"
            # `<!-- reportlint-disable-next-line RULE -->` before a line: a comment on that paragraph.
            m = re.search(r"<!-- (reportlint-disable-next-line [^>]*?) -->\n(.+)", source)
            if m:
                add_comment(docx, re.sub(r"[*`]", "", m.group(2))[:8], m.group(1))
                again = tmp / "again"
                again.mkdir(exist_ok=True)
                soffice(docx, again)
                docx = again / f"{name}.docx"
            shutil.copy(docx, SAMPLES / f"{draft}.docx")
            print(f"Samples/{draft}.docx")


if __name__ == "__main__":
    main()
