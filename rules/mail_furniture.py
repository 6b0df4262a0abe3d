from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import BOUNDARY_PARAM, MIME_PREAMBLE, bar_quoted, is_attribution, unquote
from doclint.rule import Rule, option
from doclint.text import looks_like_code



@dataclass(frozen=True)
class Furniture:
    """One kind of text that mail software adds around a message, with where its shape comes from.

    `start` matches the (unquoted) line a block opens with; `more` the lines it goes on with (a blank line ends
    it unless `blank_inside`); `max_lines` bounds it. `safe`: software writes the whole block, so deleting it
    deletes none of the author's words."""

    name: str
    message: str
    start: str
    more: str = r"(?!)"
    max_lines: int = 1
    safe: bool = True
    blank_inside: bool = False
    alone: bool = True  # whether the opening line alone is the block ("____" alone may be a heading's rule)
    last: bool = False  # whether the block must end its message (other furniture, another quote depth or the end)
    needs: str = ""  # what the block must hold (a pattern searched in its lines joined: `$` is the block's end)
    closes: str = ""  # a line that ends the block (PGP's `-----END PGP SIGNATURE-----`): nothing after it is its
    indented: bool = False  # whether its opening line may stand indented (Outlook indents a header it quotes)
    interrupts: bool = True  # whether its opening line ends another block (a bare `From:` field ends no header)
    mail_only: bool = False  # whether it is read only in mail (a note a writer may quote elsewhere to ask about it)
    source: str = ""
    examples: tuple[str, ...] = ()


_HEADER_FIELD = r"(?:From|To|Cc|Bcc|Sent|Date|Subject|Reply-To|Importance|Organization)\s*:.*"
_CONTINUATION = r"[ \t]+\S.*|\[mailto:.*"
# Outlook's field names in Portuguese, Spanish, German and French (`De:`, `Enviado:`, `Von:`, `Gesendet:`, `Objet:`)
_LOCAL_FIELD = (r"(?:De|Von|Enviado(?:\s+el)?|Gesendet|Envoyé|Para|An|À|Assunto|Asunto|Betreff|Objet|Data|Datum"
                r"|Fecha)\s*:.*")
# Pipermail's note where it took an attachment out, and the fields under it (`Type: text/html` may go on, indented,
# with its `charset=`).
_SCRUBBED = (r"An?\s+(?:HTML|non-text|embedded|embedded\s+and\s+charset-unspecified)\s+(?:attachment|text|message)"
             r"\s+was\s+scrubbed")
_SCRUBBED_FIELD = r"(?:Name|Type|Size|Desc|URL|Url)\s*:.*|<?https?://\S+>?|[ \t]*charset\s*=.*"
FURNITURE = (
    Furniture("list-footer", "Mailing-list footer",
              start=r"_{20,}\s*", more=r".{1,80}\s(?:mailing\s+list|list)\s*|\S+(?:@| at )\S+\s*|(?:https?://|<https?://)\S+"
                                      r"|To\s+unsubscribe,?\s+(?:e-?mail|send|write)\b.*|\"unsubscribe\b.*|in\s+the\s+subject\b.*",
              max_lines=5, blank_inside=True, alone=False, source="Mailman 2 and 3: the footer a list appends to each message",
              examples=("_______________________________________________\nTwisted-Python mailing list\n"
                        "Twisted-Python@example.com\nhttp://example.com/mailman/listinfo/twisted-python",
                        "_______________________________________________\nTo unsubscribe, email "
                        "list-request@example.org with\n\"unsubscribe <password> <address>\"\nin the subject or body "
                        "of the message.\nhttp://www.example.org/mailman/listinfo/list")),
    Furniture("webmail-ad", "Webmail advertising footer",
              start=r"(?:_{20,}|-{20,})\s*", more=r".{1,160}", needs=r"(?:(?:https?://|www\.)\S+|\b(?:Yahoo!|Hotmail|MSN|Messenger)(?!\w).*)\s*$",
              max_lines=3, alone=False, last=True, safe=False, indented=True,
              source="free webmail services (Hotmail, Yahoo!, MSN, national portals) append an advertisement under a "
                     "rule to every message sent from them (Yahoo! France's indented); it ends the message",
              examples=("______________________________________________________________________\n"
                        "Do you want a free e-mail for life ? Get it at http://www.example.ro/",
                        "---------------------------------\nNo need to miss a message. Get email on-the-go\n"
                        "with Yahoo! Mail for Mobile. Get started.",
                        "_________________________________________________________________\n"
                        "Get your FREE download of MSN Explorer at http://explorer.msn.com",
                        "      _____________________________________________________________________________ \n"
                        "Envoyez avec Yahoo! Mail. Une boite mail plus intelligente http://mail.yahoo.fr")),
    Furniture("archive-attachment", "Archive note on a scrubbed attachment",
              start=r"-{5,}\s*next\s+part\s*-{5,}\s*",
              more=rf"(?:{_SCRUBBED}.*|{_SCRUBBED_FIELD})",
              max_lines=8, source="Pipermail (Mailman's archiver) in place of an attachment",
              examples=("-------------- next part --------------\nAn HTML attachment was scrubbed...\n"
                        "URL: <http://example.com/pipermail/list/attachments/2013/abc/attachment.html>",)),
    Furniture("archive-attachment-body", "Archive note on a scrubbed attachment",
              start=_SCRUBBED + r"\.{3}\s*", more=_SCRUBBED_FIELD, max_lines=8, interrupts=False, mail_only=True,
              source="Pipermail, where a message's only part was an attachment (an HTML-only message): the note "
                     "stands in the body with no `next part` rule above it",
              examples=("An HTML attachment was scrubbed...\n"
                        "URL: </pipermail/list/attachments/20170312/db62e0a2/attachment-0002.html>",
                        "A non-text attachment was scrubbed...\nName: not available\nType: text/html\n"
                        "\tcharset=\"iso-8859-1\"\nSize: 2306 bytes\nDesc: not available\n"
                        "Url : http://example.com/pipermail/list/attachments/20120612/b5af72b9/attachment.bin")),
    Furniture("reply-header", "Header block of a quoted message",
              start=r"-{3,}\s*Original\s+Message\s*-{3,}\s*",
              more=_HEADER_FIELD + "|" + _CONTINUATION, max_lines=12, safe=False, indented=True,
              source="Microsoft Outlook and Outlook Express: the header of the message replied to (indented where "
                     "a reply quotes it so)",
              examples=("-----Original Message-----\nFrom: Jane Doe\nSent: Tuesday, May 25, 2004 9:50 AM\n"
                        "To: list\nSubject: RE: deferreds",)),
    Furniture("reply-header-rule", "Header block of a quoted message",
              start=r"_{20,}\s*", more=_HEADER_FIELD + "|" + _LOCAL_FIELD + "|" + _CONTINUATION, max_lines=12,
              safe=False, needs=r"\b(?:From|De|Von)\s*:.*\b(?:Sent|Date|Enviado|Gesendet|Envoyé|Data|Datum|Fecha)\s*:",
              alone=False,
              source="Outlook (web and Windows): a rule of underscores and the header of the message replied to, "
                     "its fields in the writer's language",
              examples=("________________________________________\nFrom: Jane Doe <jane@example.org>\n"
                        "Sent: Friday, February 3, 2023 9:50 AM\nTo: list@example.org\nSubject: RE: fan control",
                        "________________________________________\nDe: Jane Doe [jane at example.org]\n"
                        "Enviado: segunda-feira, 10 de Junho de 2013 18:14\nPara: Ann Lee\nAssunto: Re: check")),
    Furniture("reply-header-fields", "Header block of a quoted message",
              start=r"From\s*:\s*\S.*", more=_HEADER_FIELD + "|" + _CONTINUATION, max_lines=12, safe=False,
              indented=True, alone=False, interrupts=False, needs=r"^From\s*:.*\bSent\s*:.*\b(?:To|Subject)\s*:",
              source="Outlook: the header of the message replied to with no rule above it, its `Sent:` field "
                     "Outlook's own",
              examples=("From: Example-Python [mailto:example-bounces at example.org] On Behalf Of Jane Doe\n"
                        "Sent: Monday, June 26, 2017 12:09 PM\nTo: Example general discussion\n"
                        "Subject: Re: [Example-Python] exception",)),
    Furniture("forward-header", "Header block of a forwarded message",
              start=r"(?:-{3,}\s*(?:Forwarded\s+message|Begin\s+forwarded\s+message)\s*-{0,}:?"
                    r"|Begin\s+forwarded\s+message\s*:)\s*",
              more=_HEADER_FIELD + "|" + _CONTINUATION, max_lines=12, safe=False, blank_inside=True,
              alone=False, needs=r"\bFrom\s*:",
              source="Gmail, Apple Mail: the header of a forwarded message (Apple Mail's under `Begin forwarded "
                     "message:` and a blank line, often quoted)",
              examples=("---------- Forwarded message ----------\nFrom: Jane Doe\nDate: Mon, 3 Jan 2005\n"
                        "Subject: deferreds",
                        "Begin forwarded message:\n\n> From: Jane Doe <jane at example.org>\n"
                        "> Date: August 19, 2009 10:28:44 AM EDT\n> Subject: ticket changed")),
    Furniture("notes-forward", "Header of a forwarded message",
              start=r"-{3,}\s*Forwarded\s+by\s+.{1,80}?\s+on\s+\d{1,2}/\d{1,2}/\d{2,4}.*",
              more=r"(?:\d{1,2}:\d{2}\s*)?(?:[AP]M\s*)?-{3,}\s*", max_lines=1, safe=False, indented=True,
              source="Lotus Notes: the line it writes over a message forwarded (wrapped before its time's AM or PM)",
              examples=("---------------------- Forwarded by Jane Doe/HOU/EES on 10/18/99 08:46\n"
                        "AM ---------------------------",
                        "----- Forwarded by Jane Doe/NA/Example on 03/19/2001 07:50 AM -----")),
    Furniture("notes-reply-header", "Header block of a quoted message",
              start=r"[ \t]*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\s*",
              more=_HEADER_FIELD + "|" + _CONTINUATION + r"|cc\s*:.*|bcc\s*:.*|[^\n:]*\w/\w[^\n:]*",  # (an
              # address list wrapped with no indent: `McCubbin/NA/Example@Example, Richard Roe/NA/Example@Example`)
              max_lines=14, safe=False, blank_inside=True,
              alone=False, needs=r"\bTo\s*:.*\bSubject\s*:",
              source="Lotus Notes: the sender's name, the date and the fields of the message a reply or a forward "
                     "quotes (the name on the line before is left to the reader)",
              examples=("04/12/2001 09:05 PM\nTo: Jane Doe/NA/Example@Example, John Roe/HOU/ECT@ECT\ncc:\n"
                        "Subject: Re: Draft letter",)),
    Furniture("attachment-stub", "Attachment left as a placeholder",
              start=r"(?:<<\s*(?:File:\s*)?[^<>\n]{1,120}\.\w{2,4}\s*>>|\(See\s+attached\s+file:\s*(?:[^()\n]|\([^()\n]{0,20}\)){1,120}\)"
                    r"|<Embedded\s+[^<>\n]{1,40}>)(?:\s*(?:<<[^<>\n]{1,120}>>|\(See\s+attached\s+file:[^()\n]{1,120}\)))*\s*",
              source="Outlook and Lotus Notes: the name of a file attached to a message, where a text export "
                     "drops the file (`<<Open Letter.doc>>`, `(See attached file: regs.doc)`)",
              examples=("<<Open Letter.doc>>", "(See attached file: Section 106 regs.doc)(See attached file: "
                        "notes.doc)", "<Embedded StdOleLink>")),
    Furniture("list-footer-dotted", "Mailing-list footer",
              start=r"(?:-\.){10,}-?\s*", more=r".{1,100}", closes=r"(?:_\.){10,}_?\s*", max_lines=6,
              needs=r"mailing\s+list", alone=False,
              source="the R mailing lists (ETH Zurich's Majordomo, 1997-2002): a dotted rule, the list's name, how "
                     "to unsubscribe, a dotted rule",
              examples=("-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-.-\n"
                        "r-help mailing list -- Read http://www.example.org/R-FAQ.html\n"
                        "Send \"info\", \"help\", or \"[un]subscribe\"\n"
                        "_._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._._",)),
    Furniture("digest-separator", "Digest separator and message header",
              start=r"(?:--__--__--|-{20,})\s*", more=r"Message:\s*\d+\s*|" + _HEADER_FIELD + "|" + _CONTINUATION,
              max_lines=12, blank_inside=True, safe=False, needs=r"Message:\s*\d+",
              source="Mailman 2 digests: the separator (`--__--__--`, or a line of dashes from Mailman 2.1) and "
                     "header before each message (the separator before the digest's footer, with no message after "
                     "it, is left to the footer's rule)",
              examples=("--__--__--\n\nMessage: 1\nDate: Mon, 27 Oct 2003 09:29:29 -0500\nFrom: Jane Doe\n"
                        "Subject: Re: deferreds",
                        "------------------------------\n\nMessage: 4\nDate: Tue, 30 Jan 2024 04:46:27 +0000\n"
                        "From: Jane Doe\nSubject: Re: fee payment")),
    Furniture("digest-header", "Digest subscription notice",
              start=r"Send\s+.{1,60}\s+mailing\s+list\s+submissions\s+to\s*",
              more=r"\S+(?:@| at )\S+\s*|To\s+subscribe\s+or\s+unsubscribe.*|<?https?://\S+>?\s*"
                   r"|or,\s+via\s+email,.*|You\s+can\s+reach\s+the\s+person.*|When\s+replying,.*|than\s+\"?Re:.*"
                   r"|\S+(?:-owner|-request)(?:@| at )\S+\s*",
              max_lines=14, blank_inside=True, source="Mailman 2 digests: the notice that opens each digest",
              examples=("Send Twisted-Python mailing list submissions to\n\ttwisted-python@example.com\n\n"
                        "To subscribe or unsubscribe via the World Wide Web, visit\n\thttp://example.com/listinfo",)),
    Furniture("digest-topics", "Digest table of contents",
              start=r"Today's\s+Topics:\s*", more=r"\s*\d+\.\s+.*|[ \t]+\S.*", max_lines=40, blank_inside=True,
              safe=False, source="Mailman 2 digests: the list of the digest's messages",
              examples=("Today's Topics:\n\n   1. Re: logbot (Jane Doe)\n   2. Re: databases (John Roe)",)),
    Furniture("mime-html-part", "MIME part holding the message again as HTML",
              start=r"--(?:(?=[\w'()+,./:=?-]*[A-Za-z0-9])[\w'()+,./:=?-]{8,70}|=-=-=)\s*",
              more=r"(?!--[\w'()+,./:=?-]{8,70}(?:--)?\s*$).*", needs=r"\bContent-Type\s*:\s*text/html\b",
              max_lines=2000, blank_inside=True, alone=False, safe=False,
              source="RFC 2046 multipart/alternative: mail software sends the text again as a web page; left in a "
                     "text, the part is markup, not the author's words",
              examples=("--=-TZ3lhG3ptk97Vn50SDMo\nContent-Type: text/html; charset=\"utf-8\"\n"
                        "Content-Transfer-Encoding: quoted-printable\n\n<html><body>Hi all,</body></html>",)),
    Furniture("mime-part", "MIME boundary and part headers",
              start=r"--(?:(?=[\w'()+,./:=?-]*[A-Za-z0-9])[\w'()+,./:=?-]{8,70}|=-=-=)\s*",
              more=r"Content-[\w-]+\s*:.*|[ \t]+\S.*", needs=r"\bContent-[\w-]+\s*:",
              max_lines=8, alone=False, source="RFC 2046: a multipart message's boundary and the part's headers, left in text",
              examples=("--TB36FDmn/VVEgNH/\nContent-Type: text/plain; charset=us-ascii\n"
                        "Content-Disposition: inline",)),
    Furniture("mime-preamble", "MIME preamble",
              start=MIME_PREAMBLE + r".*",
              more=r"(?![*=_-]{10,}\s*$)(?!--\S)\S.*", max_lines=4,
              source="RFC 2046: the text before a multipart message's first boundary, for mail software that reads no "
                     "MIME (Thunderbird's, Outlook's and Mutt's wordings)",
              examples=("This is a multi-part message in MIME format.",
                        "This is a MIME-formatted message.  If you see this text it means that your\nE-mail software "
                        "does not support MIME-formatted messages.")),
    Furniture("mime-close", "MIME closing boundary",
              start=r"--(?=(?:[^\d\n]*\d){4})[\w'()+,./:=?-]{8,70}--\s*",
              source="RFC 2046: the boundary that closes a multipart message (`--` after the boundary), left in text",
              examples=("--000000000000aa365b05e05e2a92--", "--_000_3e85a9834ada4944a629c50cd6389630examplecom_--")),
    Furniture("pgp-signature", "PGP signature block",
              start=r"-----BEGIN\s+PGP\s+SIGNATURE-----\s*", more=r"(?!-----END).*|-----END\s+PGP\s+SIGNATURE-----\s*",
              closes=r"-----END\s+PGP\s+SIGNATURE-----\s*", max_lines=40, blank_inside=True,
              source="RFC 4880: an OpenPGP ASCII-armoured signature",
              examples=("-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1.4.1\n\niD8DBQFGEowKyI6Mk\n=abcd\n"
                        "-----END PGP SIGNATURE-----",)),
    Furniture("pgp-header", "PGP signed-message header",
              start=r"-----BEGIN\s+PGP\s+SIGNED\s+MESSAGE-----\s*", more=r"Hash:\s*\S+\s*", max_lines=2,
              source="RFC 4880: the header of a clear-signed message",
              examples=("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1",)),
    Furniture("device-signature", "Device signature",
              start=r"Sent\s+(?:from|via|with)\s+(?:my|the)\s+(?:\w+\s+){0,3}(?:iPhone|iPad|phone|mobile(?:\s+(?:device|phone))?"
                    r"|BlackBerry|Android|Galaxy|smartphone|tablet|device|Samsung|Pixel)\b"
                    r"(?:\s+(?:using|with|via)\s+[\w.-]+(?:\s+[\w.-]+)?)?"  # "... using Tapatalk"
                    r"(?:\s*[,.;:-]?\s*(?:please\s+)?(?:excuse|pardon|forgive)\b[^\n.!?]{0,60})?\s*[.!]?",
              max_lines=1, source="the line mail apps on phones append to every message",
              examples=("Sent from my iPhone", "Sent from my mobile device, please excuse brevity and typos.")),
    Furniture("groups-footer", "Mailing-list footer",
              start=r"(?:You\s+received\s+this\s+(?:message|topic)\s+because\s+you\s+are\s+subscribed\s+to\s+the\s+Google"
                    r"\s+Groups?\b.*|To\s+unsubscribe\s+from\s+this\s+(?:group|topic)\s+and\s+stop\s+receiving\s+e-?mails\s+"
                    r"from\s+it\b.*)",
              more=r"(?:[\"“]?[\w.@+-]+[\"”]?\s+group\.|To\s+(?:unsubscribe|view|post|stop)\b.*|(?:For\s+more\s+options|Visit\s+"
                   r"this\s+group)\b.*|(?:e?mail\s+)?to\s+\S+(?:@|\s+at\s+)\S+.*|<?https?://\S+>?.*|\S+(?:@|\s+at\s+)\S+\.?)",
              max_lines=8, last=True, interrupts=False,  # (under its own `-- `, a signature block takes it whole)
              source="Google Groups, and lists run on it: the footer it appends to every message it delivers",
              examples=("You received this message because you are subscribed to the Google Groups \"open-iscsi\" "
                        "group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to "
                        "open-iscsi+unsubscribe@example.com.",
                        "To unsubscribe from this group and stop receiving emails from it, send an e=\nmail to "
                        "list+unsubscribe@example.com.")),
    Furniture("virus-scan", "Virus-scan notice",
              start=r"(?:this\s+(?:e-?mail|message|communication)(?:\s+message|\s+and\s+any\s+attachments?)?\s+"
                    r"(?:has|have)\s+been\s+(?:swept|scanned|checked|virus[- ]checked)\b.*"
                    r"|this\s+(?:e-?mail|message)\s+(?:was|is)\s+(?:scanned|checked)\s+(?:for\s+viruses\s+)?by\b.*)",
              more=r"(?![*=_-]{10,}\s*$)\S.*", max_lines=4, needs=r"(?i)\bvirus|\bMIMEsweeper\b|\bMessageLabs\b|\bmalware\b",
              source="mail gateways of the 1990s-2010s (MIMEsweeper, MessageLabs, Symantec): the line they append "
                     "to every message they scanned",
              examples=("This email message has been swept by MIMEsweeper\nfor the presence of computer viruses",
                        "This email has been scanned by the MessageLabs Email Security System.\nFor more "
                        "information please visit http://www.example.com/email")),
    Furniture("disclaimer", "Confidentiality disclaimer",
              start=r"(?=.{0,200}\b(?:confidential|privileged|intended\s+(?:solely\s+|only\s+)?for\s+the\s+"
                    r"(?:individual|person|entity|addressee|recipient|named|sole|exclusive|use)"
                    r"|intended\s+(?:solely|only)\s+for|sole\s+use\s+of\s+the|intended\s+recipient"
                    r"|(?:together\s+with|and)\s+any\s+(?:attachments|files))\b)"
                    r".{0,200}\b(?:e-?mail|message|transmission|communication)\b.*",
              more=r"\S.*", max_lines=12, safe=False,
              source="the legal notice company mail servers append: it names the message confidential and says "
                     "what to do if it reached the wrong person",
              examples=("This email message is for the sole use of the intended recipient(s) and may\ncontain "
                        "confidential and privileged information. If you are not the intended\nrecipient, please "
                        "contact the sender by reply email and destroy all copies.",
                        "Notice:  This e-mail message, together with any attachments, contains\ninformation of "
                        "Example Co. that may be confidential. It is intended solely for the\nuse of the individual "
                        "or entity named on this message.",
                        "This email and any files transmitted with it are confidential and intended solely for "
                        "the use of the individual to whom they are addressed. If you have received this email in "
                        "error please notify the sender.",
                        "The information transmitted in this communication is intended only for the person or entity "
                        "to which it is addressed. If you received this in error, please contact the sender.")),
)
# A disclaimer is told by what it asks, not by its first words alone (mail about confidential data is prose).
_DISCLAIMER_ASKS = lazyre.compile(r"\b(?:intended\s+(?:solely|only)\s+for|received\s+this\s+(?:e-?mail|message|"
                                  r"transmission|communication)\s+in\s+error|notify\s+the\s+sender|if\s+you\s+are\s+not\s+"
                                  r"the\s+(?:intended\s+recipient|addressee))", re.IGNORECASE)


def _unindented(line: str) -> str:
    """A quoted line without the one space some mail programs quote with besides the marker's own (`>  --`, `>
    ____`: a reply quoted `> ` a message its writer's program had quoted ` `); deeper indents are the text's."""
    return line[1:] if line[:1] == " " and line[1:2] not in (" ", "\t", "") else line


def _in_fence(i: int, fences: list[int]) -> bool:
    """Whether line i stands inside a fenced code block: after an odd number of the ``` lines `fences` holds, in
    order."""
    return bisect.bisect_left(fences, i) % 2 == 1


def _in_code(i: int, bare: list[str], fences: list[int]) -> bool:
    """Whether line i stands inside a fenced code block or opens lines of code: `grep -C` output separates its
    groups with `--` lines, which are no signature's delimiter."""
    after = bare[i + 1] if i + 1 < len(bare) else ""
    return _in_fence(i, fences) or looks_like_code(after)


# `git format-patch` closes a patch with `-- ` and the version of git that wrote it (`2.25.1`, `2.30.1.windows.1`,
# `2.7.4 (Apple Git-66)`): a patch's trailer, which readers of patch mail leave in place (three blind-labelled sets
# of developers' lists marked none of their 15), so no signature.
_GIT_VERSION = lazyre.compile(r"[1-9]\.\d{1,3}(?:\.\d{1,3}){0,2}(?:\.[a-z][\w-]*\.\d+|\.rc\d+)?(?:\s+\(Apple\s+Git-\d+\))?")
# (one digit first, and a component of one to three: not a telephone number written with dots, `212.555.0100`)
# RFC 3676 4.3: "-- " alone on a line opens a signature; mail clients also write "--", "—" and "--=20" (the
# delimiter's trailing space in quoted-printable).
_SIGNATURE = lazyre.compile(r"(?:--\s?|--=20|—|-- =)\s*$")
_OPENERS = [(f, lazyre.compiled_now(f.start, re.IGNORECASE)) for f in FURNITURE]
_DISCLAIMER = next(f for f in FURNITURE if f.name == "disclaimer")


@dataclass(frozen=True)
class Options:
    max_signature_lines: int = option(10, "The longest signature after a `-- ` delimiter, in lines (RFC 3676 "
                                           "suggests four; real ones run longer).")


class MailFurniture(Rule):
    """Text that mail software added around a message: signatures, list footers, quoted headers.

    ## What it does
    Reads e-mail messages, mailing-list archives and digests line by line,
    quoted or not (`> `; `|` too where five lines or more before the
    writer's signature open with it and none is a table's row), and flags
    the blocks that mail software writes
    around a message, each by its known shape: a signature after the `-- `
    delimiter (RFC 3676), or in mail under a rule of dashes or underscores
    (not one that underlines the line right above it, a heading's: `GAMES
    PLAYED ON TUES, 4/20` over 25 dashes, nor one under a table's head,
    Bugzilla's `What |Removed |Added`)
    when a name in capitals or an address opens it (or a name opens an
    address line with the contacts on the next: `Jane Roe Example Ltd 20
    Empire Blvd, ...` / `jane at example.org  Tel: ...`; a PGP-signed text
    escapes the rule as `- ------`), no line of it is code,
    and the message ends with it (`------` / `Jane Doe` / `Senior Engineer,
    Example Ltd`; under a short rule, `---`, only over a name and, below it,
    contacts or a key's fingerprint: `PGP: 7C6B 7C5D ...`), or with no delimiter where the message's last paragraph
    is a name of two to four words (perhaps with a title or a call sign
    after a comma) over short lines of a title, a company and at least one
    address, web site or telephone number (`Jane Doe` / `Example
    International` / `jane@example.org`; a postscript may follow it; an
    attribution over a quote is none), a mailing list's footer (`____` then `List
    mailing list`, its address and URL), an archive's note on a scrubbed
    attachment (`-------------- next part --------------`, or the note
    alone in the body of a message whose only part was an attachment, in
    mail only: `An HTML attachment was scrubbed...` / `URL: <...>`), the header block
    of a quoted or forwarded message (`-----Original Message-----`, `From:`,
    `Sent:`; Outlook's `From:`, `Sent:`, `To:`, `Subject:` with no rule above
    them), a digest's separators, notice and table of contents, MIME
    boundaries with part headers pasted into a text (quoted, or never
    declared: a raw message's own boundaries, which its header or a part's
    declares with `boundary=`, its preamble and part headers are its
    format, as its header block is), a multipart message's HTML copy of its text
    (the whole part, from its boundary to the next: markup, not the author's
    words; its fix is unsafe), PGP signature blocks, `Sent from my phone`,
    a webmail service's advertisement under a rule at a message's end,
    Lotus Notes' line over a forwarded message (`----- Forwarded by Jane
    Doe/HOU/EES on 03/16/2001 08:42 AM -----`) and the date and fields it
    writes over a quoted one, an attachment's placeholder (`<<Open
    Letter.doc>>`, `(See attached file: notes.doc)`), the R lists' old
    footer between dotted rules, Google Groups' footer (`To unsubscribe
    from this group and stop receiving emails from it, send an email to
    ...`, with no `-- ` above it), a mail gateway's virus-scan notice (`This
    email message has been swept by MIMEsweeper`), and confidentiality
    disclaimers. A quoted message's header may stand indented (Outlook
    indents the one it quotes), and Outlook's may name its fields in
    Portuguese, Spanish, German or French (`De:`, `Enviado:`, `Von:`). The
    kinds are data (`FURNITURE` in the module), each with the software
    whose shape it is and an example.
    A signature is read only in a document that opens with a mail header
    block or where the delimiter is exactly `-- ` near the end; the other
    kinds anywhere but in a fenced code block (a release note's signed
    checksums are shown as they are). A quoted line is read without one
    space besides its marker's (`>  --`: some programs quote so). In a mail file a signature may hold blank lines (a name,
    then a company's address) where the message ends within
    `max-signature-lines`, and its delimiter may be left in quoted-printable
    (`--=20`, `-- =`). Under `-- `, the version of git alone (`2.25.1`) is
    `git format-patch`'s trailer to a patch, which readers of patch mail
    leave in place: no signature.

    ## Why is this bad?
    None of it is the message: repeated in every message of an archive it
    dominates a corpus's statistics, and a model trained on it learns to
    sign its answers.

    ## Example
    ```
    > Thanks, that worked.
    > _______________________________________________
    > Twisted-Python mailing list
    > Twisted-Python@example.com
    > http://example.com/mailman/listinfo/twisted-python
    ```

    ## Fix safety
    The fix deletes the block's lines. It is safe for blocks that software
    writes whole (list footers, archive notes, MIME part headers, PGP
    signatures, device signatures); unsafe for signatures, which hold the
    writer's name, for the header blocks of quoted messages, which say who
    wrote the quote, for digest tables of contents and for disclaimers, whose
    extent is judged.
    """

    code = "S121"
    name = "mail-furniture"
    category = "source-tag"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        lines = [document.line_text(i) for i in range(document.line_count)]
        bars = document.is_mail and "|" in document.text and bar_quoted(lines)  # a client that quotes with `|`
        quoted = [unquote(line, bars) for line in lines]
        bare = [_unindented(line[cut:]) if depth else line[cut:] for line, (depth, cut) in zip(lines, quoted)]
        depth = [d for d, _ in quoted]
        mail = document.is_mail
        fences = [n for n, b in enumerate(bare) if b.lstrip().startswith("```")]
        declared = _declared_boundaries(bare, depth) if mail else set()
        i = 0
        while i < len(lines):
            found = self._block_at(i, lines, bare, depth, (mail, fences))
            if found is None:
                i += 1
                continue
            last, furniture = found
            if not (depth[i] == 0 and _message_format(furniture, bare[i], declared)):
                yield self._diagnostic(document, i, last, furniture)
            i = last + 1

    def _block_at(self, i, lines, bare, depth, reading):
        """(last line, kind) of a block of furniture opening on line i, or None (`reading`: whether the document
        is mail, and where its ``` fences stand)."""
        mail, fences = reading
        text = bare[i].rstrip()
        if not text:
            return None
        if _SIGNATURE.fullmatch(text) and (mail or lines[i].endswith(" ")) and not _in_fence(i, fences) and (
                bare[i].rstrip("\r") == "-- " or not _in_code(i, bare, fences)):  # (RFC 3676's delimiter exactly,
            # its space kept, is no grep separator, whatever the signature holds: `#include <standard_disclaimer>`)
            last = self._signature_end(i, lines, bare, depth, mail)
            if last is not None and not all(_GIT_VERSION.fullmatch(b.strip()) for b in bare[i + 1:last + 1]):
                return last, _SIGNATURE_KIND
        for furniture, opener in _OPENERS:
            if not opener.fullmatch(text.lstrip() if furniture.indented else text):
                continue
            if _in_fence(i, fences):
                return None  # inside a fenced code block: shown as it is (a release's signed checksums)
            if furniture.mail_only and not mail:
                continue
            last = _extent(i, bare, furniture)
            if furniture is _DISCLAIMER and not _DISCLAIMER_ASKS.search(" ".join(bare[i:last + 1])):
                continue
            if furniture.needs and not re.search(furniture.needs, " ".join(bare[i:last + 1])):
                continue
            if last == i and not furniture.alone:
                continue
            if furniture.last and not _ends_message(last, bare, depth):
                continue
            return last, furniture
        if mail and _RULE.fullmatch(text) and not _in_code(i, bare, fences) and not _underlines(i, bare, depth):
            last = self._signature_end(i, lines, bare, depth, mail)
            if last is not None and _signs(bare[i + 1:last + 1]):
                return last, _RULE_SIGNATURE_KIND
        if mail and _SHORT_RULE.fullmatch(text) and not _in_code(i, bare, fences) and not _underlines(i, bare, depth):
            last = self._signature_end(i, lines, bare, depth, mail)
            if last is not None and _signs(bare[i + 1:last + 1]) and any(
                    _CONTACT.search(line) or _KEY.search(line) for line in bare[i + 2:last + 1]):
                return last, _RULE_SIGNATURE_KIND  # (`---` / `Jane Doe` / `PGP: 7C6B ...`: a short rule needs both)
        if mail and i > 0 and not bare[i - 1].strip() and depth[i - 1] == depth[i]:
            last = i
            while (last + 1 < len(bare) and depth[last + 1] == depth[i] and bare[last + 1].strip()
                   and not _opens_furniture(bare[last + 1].rstrip()) and not _RULE.fullmatch(bare[last + 1])):
                last += 1
            after = next((b for b in bare[last + 1:last + 4] if b.strip()), "")
            if (0 <= last - i < UNMARKED_SIGNATURE_LINES
                    and (_ends_message(last, bare, depth) or _POSTSCRIPT.match(after))  # (the writer's PS after it)
                    and _unmarked_signature([b.strip() for b in bare[i:last + 1]], after.strip())):
                return last, _UNMARKED_SIGNATURE_KIND
        return None

    def _signature_end(self, i, lines, bare, depth, mail) -> int | None:
        """The last line of a signature that opens with the delimiter on line i: the lines after it at the same
        quote depth, up to other furniture, an attribution line, other text after a blank line (outside a mail
        file), or the end; None when it runs longer than a signature (a separator inside a message, not a
        delimiter) or holds nothing."""
        last, k, limit = i, i + 1, self.options.max_signature_lines
        if bare[i].rstrip().endswith("="):  # `-- =`: quoted-printable's soft break, the delimiter's line goes on
            while k < len(lines) and depth[k] == depth[i] and not bare[k].strip():
                k += 1
        while k < len(lines) and depth[k] == depth[i] and k - i <= limit:
            line = bare[k].rstrip()
            if line and self._ends_signature(k, lines, bare):
                break
            if not line and not (mail and self._rest_is_signature(i, k, lines, bare, depth)):
                break  # a blank line ends it, unless in a mail file the message ends within the signature's length
            if not line and _POSTSCRIPT.match(next((b for b in bare[k + 1:k + 3] if b.strip()), "")):
                break  # the writer's postscript after the signature ("PS: I feel glad ...") is the message's
            if line:
                last = k
            k += 1
        if last == i or (k < len(lines) and k - i > limit and depth[k] == depth[i] and bare[k].strip()
                         and not self._ends_signature(k, lines, bare)):
            return None
        if not mail and any(bare[n].strip() for n in range(last + 1, len(lines))):
            return None  # outside a mail file, only a signature that ends the document
        return last

    @staticmethod
    def _ends_signature(k, lines, bare) -> bool:
        return _opens_furniture(bare[k].rstrip()) or is_attribution(lines[k], lines[k + 1] if k + 1 < len(lines)
                                                                    else "")

    def _rest_is_signature(self, i, k, lines, bare, depth) -> bool:
        """Whether the message ends (other furniture, an attribution, another quote depth or the end of the
        text) within the signature's length after the blank line k: a signature may hold blank lines (a name,
        then a company's address), a message's text after a separator is longer."""
        limit = self.options.max_signature_lines
        for n in range(k + 1, min(len(lines), i + limit + 2)):
            if depth[n] != depth[i] or (bare[n].strip() and self._ends_signature(n, lines, bare)):
                return True
        return i + limit + 1 >= len(lines)

    def _diagnostic(self, document, first: int, last: int, furniture: Furniture) -> Diagnostic:
        start = document.line_span(first)[0]
        end = document.line_span(last)[1]
        text = document.text
        # delete whole lines: from the line's start to the next line's start (or from the previous line's end
        # when the block ends the text)
        depth, cut = unquote(document.line_text(first))
        quote = document.line_text(first)[:cut].rstrip()
        ends_text = all(not document.line_text(n).strip() for n in range(last + 1, document.line_count))
        if ends_text and not depth and first > 0:
            # the block ends the text: the blank lines before it go too, the text's final line break stays
            prev = first - 1
            while prev > 0 and not document.line_text(prev).strip():
                prev -= 1
            edit = Edit(document.line_span(prev)[1], len(text), "\n" if text.endswith("\n") else "")
        elif depth and last + 1 < document.line_count and unquote(document.line_text(last + 1))[0]:
            # a quoted block inside a quote that goes on leaves one empty quoted line: the quote keeps its shape
            edit = Edit(start, document.line_starts[last + 1], quote + "\n")
        elif last + 1 < document.line_count:
            stop = last + 1
            if first == 0 or not document.line_text(first - 1).strip():  # a block of its own: its blank lines go too
                while stop + 1 < document.line_count and not document.line_text(stop).strip():
                    stop += 1
            edit = Edit(start, document.line_starts[stop])
        else:
            edit = Edit(document.line_span(first - 1)[1] if first else start, end)
        shown = text[start:end].strip().split("\n", 1)[0].strip()
        shown = shown if len(shown) <= 50 else shown[:49] + "\u2026"
        lines = last - first + 1
        size = f"{lines} lines" if lines > 1 else "1 line"
        make = Fix.safe if furniture.safe else Fix.unsafe
        return Diagnostic(start, end, f'{furniture.message} ({size}): "{shown}"',
                          fix=make(edit, message=f"Delete the {furniture.message.lower()}"))


def _ends_message(last: int, bare: list, depth: list) -> bool:
    """Whether nothing of the message follows line `last`: after blank lines, other furniture, another quote
    depth, or the end of the text."""
    for n in range(last + 1, len(bare)):
        if depth[n] != depth[last]:
            return True
        if bare[n].strip():
            if _RULE_OF_STARS.fullmatch(bare[n].strip()) and n + 1 < len(bare):
                continue  # a rule of stars or equals signs over a gateway's notice (`*****` / `This email ...`)
            return _opens_furniture(bare[n].rstrip())
    return True


_RULE_OF_STARS = lazyre.compile(r"[*=]{20,}")
_MIME_FORMAT = ("mime-part", "mime-close", "mime-preamble")


def _declared_boundaries(bare: list[str], depth: list[int]) -> set[str]:
    """The boundaries a raw message declares on its own (unquoted) lines."""
    return {m.group(1) for line, d in zip(bare, depth) if d == 0 for m in BOUNDARY_PARAM.finditer(line)}


def _message_format(furniture, line: str, declared: set[str]) -> bool:
    """Whether an unquoted MIME boundary, its part's headers or the preamble before it are the format of the raw
    message the document is (the message declares that boundary): its structure, as its header block is, and no
    leftover in its text. Deleting them would also leave the message unreadable to mail software. Quoted, or
    undeclared, they are text pasted into a message (a digest quoting a multipart message whole)."""
    if furniture.name not in _MIME_FORMAT or not declared:
        return False
    token = line.strip()
    return furniture.name == "mime-preamble" or token[2:].removesuffix("--") in declared
UNDERLINE_SLACK = 0.25  # a rule within a quarter of the length of the line right above it underlines that line


def _underlines(i: int, bare: list[str], depth: list[int]) -> bool:
    """Whether the rule on line i underlines the line right above it (`GAMES PLAYED ON TUES, 4/20` over a rule of
    25 dashes, a 20 Newsgroups post's table of scores) or a table's head (Bugzilla's `What |Removed |Added`): a
    heading, not a signature's separator."""
    above = bare[i - 1].strip() if i > 0 and depth[i - 1] == depth[i] else ""
    rule = len(bare[i].strip())
    return bool(above) and (abs(len(above) - rule) <= UNDERLINE_SLACK * rule or "|" in above)


def _extent(i, bare, furniture: Furniture) -> int:
    """The last line of a block of `furniture` opening on line i: the lines after it that its `more` pattern
    reads (quoted at any depth: a digest's separator may stand unquoted before its quoted header)."""
    more = lazyre.compiled_now(furniture.more, re.IGNORECASE)
    last, k = i, i + 1
    while k < len(bare) and k - i <= furniture.max_lines:
        line = bare[k].rstrip()
        if not line:
            if not furniture.blank_inside:
                break
        elif more.fullmatch(line) and not any(o.fullmatch(line) for f, o in _OPENERS
                                              if f is not furniture and f.interrupts):
            last = k
            if furniture.closes and lazyre.compiled_now(furniture.closes).fullmatch(line):
                break  # its closing line: a quoted message's own signature after it is another block
        else:
            break
        k += 1
    return last


def _opens_furniture(line: str) -> bool:
    """Whether a line opens other furniture, ending the block before it (a disclaimer's opening may stand inside a
    signature, and a bare header's `From:` inside a quoted header block: neither ends one)."""
    return any(o.fullmatch(line) for f, o in _OPENERS if f is not _DISCLAIMER and f.interrupts)


_POSTSCRIPT = lazyre.compile(r"\s*P\.?\s?S\.?(?:\s*:|\s)", re.IGNORECASE)  # "PS:", "P.S. ", "ps "
# A rule of dashes or underscores over the writer's name and contacts that end a message: mail clients let a
# writer sign so, and company signatures often do (`------------` / `Jane Doe` / `Senior Engineer, Example Ltd`).
_RULE = lazyre.compile(r"(?:- (?=-))?(?:-{20,}|_{20,})\s*")  # (`- ---...`: the rule dash-escaped in a PGP-signed text)
# A short rule (`---`) opens a signature only over a name and, on a line below it, contacts or a key's fingerprint
# (`PGP: 7C6B 7C5D 5E2B ...`): alone it is as often a writer's own separator.
_SHORT_RULE = lazyre.compile(r"-{3,19}\s*")
_KEY = lazyre.compile(r"\b(?:PGP|GPG)\b[^:\n]{0,20}:?\s*(?:0x)?[0-9A-F]{4}(?:\s?[0-9A-F]{4}){1,9}\b")
NAME_WORDS = 6  # the line under the rule names the writer: a name, with a company or an address after it
_SENTENCE_CLOSE = lazyre.compile(r"[.!?:;,]\s*$")


_CONTACT = lazyre.compile(r"\S@\S|\S\s+at\s+[\w-]+\.\w|https?://|www\.|\+?\d[\d .()-]{7,}\d")


def _signs(block: list[str]) -> bool:
    """Whether the lines under a rule are a signature: the first names someone, as a name in capitals (a few
    words, no sentence's or clause's end) or with an address (`jane at example.com`), and none of them is code
    (a rule over pasted output, a table or the writer's next point is no signature)."""
    lines = [line.strip() for line in block if line.strip()]
    if not lines or any(looks_like_code(line) for line in lines):
        return False
    first = lines[0]
    words = [w for w in first.split() if w[:1].isalpha()]
    name = 0 < len(first.split()) <= NAME_WORDS and any(len(w) > 1 for w in words) and all(
        w[0].isupper() for w in words)  # (letters spaced out, `T E S T S`, are a banner, no name)
    lead = first.split()[:2]  # or a name that opens an address line, a contact on the next (`Gary E. Miller Rellim
    # 20340 Empire Blvd, ...` / `gem at rellim.com  Tel:+1(541)...`)
    named = len(lead) == 2 and all(w[:1].isupper() for w in lead) and len(lines) > 1 and _CONTACT.search(lines[1])
    return (bool(name or named or _CONTACT.search(first)) and first[:1].isalpha() and not _SENTENCE_CLOSE.search(first)
            and not _FIELD.match(first))  # (a rule over a pasted header block: `Return-Path: jane at example.org`)


_FIELD = lazyre.compile(r"[A-Za-z][\w-]*:\s")


# A signature with no delimiter: the message's last paragraph is a name, then its writer's title, company or
# contacts, one to a line (`Jane Doe` / `Regulatory Affairs - Example Corp.` / `jane.doe@example.com`). One line
# of them at least is an address, a web site or a telephone number: a name over lines of words alone may be a
# list (of people, of teams) that ends the message.
UNMARKED_SIGNATURE_LINES = 6  # lines, the name's included (the signatures seen ran 2 to 6)
NAME_LINE_WORDS = 4  # a name: `Jane Doe`, `Dr E.A. Catchpole`, `Juan de la Cruz` (short words in lower case too)
CONTACT_LINE_CHARS = 72  # a line of a title, a company or a contact; prose runs longer


def _unmarked_signature(block: list[str], following: str = "") -> bool:
    """Whether the lines of a message's last paragraph are an unmarked signature (see UNMARKED_SIGNATURE_LINES):
    the name may carry its title, call sign or address after a comma (`Jane Doe, KC6YEY`, `Jane Doe, e-mail
    jdoe@example.edu`: then it may stand alone). `following`: the next line with words, whose quote prefix a
    wrapped attribution's verb may carry (`On Fri, ..., Jane Doe <jane at example.org` / `> wrote:`)."""
    first, rest = block[0], list(block[1:])
    if is_attribution(first, rest[0] if rest else following) or block[-1].rstrip().endswith(":"):
        return False  # "On Mon, Aug 30, 2010 at 11:32 AM, Jane Doe <jane at example.org> wrote:": a quote follows
    name_part, comma, after = first.partition(",")
    if comma and after.strip():
        first, rest = name_part.strip(), [after.strip()] + rest
    words = first.split()
    capitals = [w for w in words if w[:1].isalpha()]
    name = (1 < len(words) <= NAME_LINE_WORDS and len(first) <= 40 and not _SENTENCE_CLOSE.search(first)
            and not _CONTACT.search(first) and capitals and capitals[0][0].isupper() and capitals[-1][0].isupper()
            and all(w[0].isupper() or len(w) <= 3 for w in capitals) and not any(c.isdigit() for c in first))
    return bool(name and any(_CONTACT.search(line) for line in rest)
                and all(len(line) <= CONTACT_LINE_CHARS and not looks_like_code(line)
                        and not (_SENTENCE_CLOSE.search(line) and not _CONTACT.search(line)
                                 and not _ABBREVIATION_END.search(line)) for line in rest))


_ABBREVIATION_END = lazyre.compile(r"\b(?:Corp|Inc|Ltd|Co|LLC|LLP|PLC|Dept|Univ|St|Ave|Ph\.?D)\.\s*$")
_UNMARKED_SIGNATURE_KIND = Furniture("unmarked-signature", "E-mail signature block", start=r"(?!)", safe=False,
                                     source="the writer's name and contacts closing a message, with no delimiter",
                                     examples=("Jane Doe\nRegulatory Affairs - Example Corp.\n"
                                               "jane.doe@example.com\n713-555-0171",))
_RULE_SIGNATURE_KIND = Furniture("rule-signature", "E-mail signature block", start=_RULE.pattern, safe=False,
                                 source="a rule of dashes or underscores over the writer's name and contacts, "
                                        "ending the message",
                                 examples=("------------------------------\nJane Doe\nSenior Engineer, Example "
                                           "Ltd",))
_SIGNATURE_KIND = Furniture("signature", "E-mail signature block", start=r"--", safe=False,
                            source="RFC 3676 4.3: the signature delimiter `-- ` and what follows it",
                            examples=("-- \nJane Doe\nhttp://example.com",))
