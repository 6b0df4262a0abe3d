from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.repeats import removal_start
from doclint.rule import CorpusStatistics, Rule, option
from doclint.text import STOP_WORDS, ends_sentence, legal_phrases, stem, words

DOMAIN = (r"(?:https?://[^\s)\]]+|www\.[\w-]+(?:\.[\w-]+)+[^\s)\]]*"
          r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|uk|in|bd|pk|au|ca|de|fr|io|info|news|tv|gov|edu|us|ng|ke"
          r"|za|sg|my|ph|nz|ie|lk|np|ae|qa|eu|it|es|jp|cn|ru)\b(?:/[^\s)\]]*)?)")
HANDLE = r"@[A-Za-z0-9_]{2,30}\b"
DASH = r"(?:--|[-—–])"  # a dash, or two hyphens typed for one
_LIST_ITEM = r"[^\s,|;.!?]+(?:\s+[^\s,|;.!?]+){0,3}"  # a tag in a list of tags: up to four words
# Wire services, named in credits without a cue word: "(Reuters)" on its own line, "... said. - Reuters"
WIRES = (r"(?:(?:The\s+)?(?:Associated|Canadian)\s+Press|Press\s+Trust\s+of\s+India|Agence\s+France-Presse"
         r"|Australian\s+Associated\s+Press|Press\s+Association|PA\s+Media|Kyodo\s+News|Jiji\s+Press|Anadolu\s+Agency"
         r"|(?:[Ss]taff\s+and\s+)?agencies|Agencies(?:\s+and\s+staff)?"
         r"|Reuters|AFP|AAP|AP|PTI|IANS|ANI|UNI|Bloomberg|Xinhua|BSS|UNB|EFE|dpa|DPA|ANSA|Kyodo|Yonhap|TASS|Anadolu"
         r"|Bernama|Antara|APP|NNA|WAM|SPA|KUNA|Interfax|NHK)")
_PLATFORMS = (r"(?:twitter|x|facebook|instagram|linkedin|youtube|telegram|whatsapp|threads|tiktok|google\s+news"
              r"|snapchat|pinterest|reddit|mastodon|bluesky|messenger)")

# Cue families: (kind, the first words or opening characters a tag of the family can start with, pattern). Each
# pattern matches from the start of a tag; `kind` says how its end is found and where it may stand:
#   "closed": the match is the whole tag (parenthesised tags, prompts ending at a handle or a full stop);
#   "credit": closed, a wire or photo credit in parentheses, which may also close a paragraph with no full stop
#             before it ("... in Geneva (Reuters)");
#   "end":    closed, but only where it ends the line ("... said. - Reuters"): at a paragraph's start it is prose;
#   "line":   closed, page furniture that counts only as a whole line ("Advertisement", "Most Read");
#   "name":   a credit cue, followed by a source name (an agency, a domain) of a few words;
#   "headline": a teaser cue, followed by another story's headline.
_FAMILIES = [
    ("closed", "( [", r"[(\[]\s*(?:(?:sources?|via|courtesy(?:\s+of)?|credits?|photos?|images?|pictures?"
               r"|with\s+(?:additional\s+|agency\s+)?inputs?(?:\s+from)?|(?:additional\s+|agency\s+)inputs?(?:\s+from)?"
               r"|inputs?\s+from|inputs?(?=\s*:)|(?:additional\s+)?reporting\s+by|edit(?:ed|ing)\s+by|writ(?:ten|ing)\s+by"
               r"|compiled\s+by|agenc(?:y|ies)(?:\s+inputs?)?|copyright)\b|©)[^()\[\]\n]{0,100}[)\]](?!\s*:)(?!\s+(?-i:[a-z]))"),
    # an agency's inputs or reporting in brackets, in other orders: "(IANS inputs)", "(Inputs by IANS)", "(Written with
    # inputs from agencies)", "(With additional reporting from AFP)" (not "(reporting period ends ...)")
    ("closed", "( [", rf"[(\[]\s*(?:(?:written|compiled|edited|prepared)\s+)?(?:with\s+)?(?:(?:additional|agency|wire"
                     rf"|{WIRES})\s+)?(?:inputs?|reporting)(?:\s+(?:from|by)\s+[^()\[\]\n]{{1,40}}|\s*:\s*[^()\[\]\n]{{1,40}})?\s*[)\]]"),
    # a credit to a body named in lower case: "Photo: Courtesy of the family" (capitalised names are the name family's)
    ("closed", "photo photos image images picture pictures courtesy",
     r"(?:(?:photos?|images?|pictures?)\s*[:|-]\s*)?courtesy\s+of\s+the\s+(?-i:[a-z]+(?:\s+[a-z]+){0,2})\.?"
     r"(?=\s*$|\s+(?-i:[A-Z\"“]))"),
    # braces and angle brackets, as some pages print a credit, only with a colon: "{Source: Reuters}", "<Source:
    # Reuters>" (never HTML's <source srcset=...> or <picture>)
    ("closed", "{ <", r"[{<]\s*(?:sources?|via|courtesy|credits?|photos?|images?|pictures?|inputs?)\s*:\s*[^<>{}\n]{1,80}[}>]"),
    ("closed", "(", rf"\([^()\n]{{0,40}}{DOMAIN}[^()\n]{{0,20}}\)"),
    ("credit", "( [", r"[(\[]\s*(?:(?:AP|AFP|EPA|PTI|ANI|file|representational|representative)\s+)?(?:photos?|images?|pictures?|pics?)"
               r"(?:\s*[:/]\s*[^()\[\]\n]{1,60})?\s*[)\]]"),
    # a syndication disclaimer: "(This story has not been edited by ... staff and is auto-generated from a syndicated feed.)"
    ("closed", "( [ disclaimer except this", r"[(\[]?\s*(?:disclaimer\s*:\s*)?(?:except\s+for\s+the\s+headline,?\s+)?this\s+(?:story|article|report|content"
               r"|news)\b[^()\[\]\n]{0,140}?\b(?:syndicated|auto-?generated|agency|wire)\s+(?:news\s+)?feed\b[^()\[\]\n]{0,40}?"
               r"[.!]?\s*[)\]]?(?=\s*$)"),
    ("closed", "disclaimer", r"disclaimer\s*:\s*[^\n]{0,160}?\b(?:syndicated|auto-?generated|agency|wire)\s+(?:news\s+)?feed\b[^\n]{0,60}?[.!]?(?=\s*$)"),
    ("closed", "follow like join find connect", rf"(?:follow|like|join|find|connect\s+with)\s+us\s+on\s+(?:{DOMAIN}|{_PLATFORMS}\b)(?:\s*(?:,|and|or|&)\s*{_PLATFORMS}\b)*"
               rf"(?:[^\n.!?@]{{0,30}}?(?:{HANDLE}|{DOMAIN})\)?"
               rf"(?:\s*(?:,|and|or|&)\s*(?:(?:like|follow|join|find)\s+us\s+)?(?:on\s+)?{_PLATFORMS}\b"
               rf"|\s*[|·•]\s*{_PLATFORMS}\b\s*(?::\s*)?(?:[/@][\w.-]+)?)*"
               rf"(?:\s+(?:for|to\s+get|to\s+stay)\s+[^\n.!?]{{1,50}})?"
               rf"|\s+(?:for|to\s+get|to\s+stay)\s+[^\n.!?]{{1,50}})?[.!]?"),
    # a prompt ends at its full stop, or at what it points to when a sentence follows with no full stop between
    # ("Click here to join our Telegram channel Council leader ... said": not the council leader's sentence)
    ("closed", "click tap", r"(?:click|tap)\s+(?:here|to\s+(?:read|see|watch|subscribe|listen|view|expand|enlarge|zoom|play"
                            r"|open|load|share|comment|continue)|for\s+more)\b"
                            r"(?:[^.!?\n]{0,60}?\b(?:channel|page|group|newsletters?|app|story|article|video|gallery"
                            r"|site|website|link|updates|alerts|feed|podcast)\b[.!]?(?=\s+(?-i:[A-Z\"“])|\s*$)"
                            r"|[^.!?\n]{0,100}[.!?]?)"),
    # these three only as a whole line, or the end of a paragraph: "Read the full report, she said, ..." is prose
    ("closed", "read see watch get view", r"(?:read|see|watch|get|view)\s+(?:the\s+)?(?:full|complete|original|whole|latest)\s+(?:story|article|report"
               r"|interview|video|coverage)\b[^\n]{0,60}?(?:" + DOMAIN + r")[.!]?(?=\s*$)"),
    ("closed", "read see find", r"(?:read|see|find)\s+more\s+(?:at|on)\s+(?:" + DOMAIN + r")[.!]?(?=\s*$|\s+(?-i:[A-Z\"“]))"),
    ("closed", "for", r"for\s+(?:more|the\s+latest|all\s+the\s+latest)\s+(?:news|updates|stories|information|details|coverage)\b"
               r"[^\n]{0,60}?(?:" + DOMAIN + r")[.!]?(?=\s*$|\s+(?-i:[A-Z\"“]))"),
    ("closed", "with - — –", rf"(?:{DASH}\s*)?with\s+(?:additional\s+|agency\s+)?inputs?(?:\s+from\s+[^.,()\n]{{1,40}})?\.?"
                            rf"(?=\s*$)"),
    ("closed", "follow", rf"follow\s+(?:us\s+(?:at\s+|on\s+)?)?{HANDLE}(?:\s+on\s+{_PLATFORMS})?(?:\s+for\s+[^\n.!?]{{1,50}})?[.!]?"),
    # a credit by a byline's words, only where it ends the line: "Produced by Jupiter Research, the report..." is prose
    ("end", "compiled written edited reported story report text words produced photo photos",
     r"(?:compiled|written|edited|reported|story|report|text|words|produced|photos?)\s+by\s+(?:our|a|the)\s+(?:own\s+)?"
            r"(?:staff|correspondents?|reporters?|desk|team|bureau|news\s+desk)(?:\s+(?:reporter|writer|correspondent))?\.?"),
    ("end", "reported story report text words produced photo photos illustration illustrations graphic graphics "
     "picture pictures image images video",
     r"(?:reported|story|report|text|words|produced|photos?|illustrations?|graphics?|pictures?|images?|video)\s+by\s+(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|and"
            r"|the|&)){0,4})\.?"),
    ("closed", "follow", rf"follow\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}on\s+{_PLATFORMS}\b(?:\s*(?:,|and|or|&)\s*{_PLATFORMS}\b)*"
               rf"(?:\s*(?::\s*)?(?:{HANDLE}|{DOMAIN})[.!]?|[.!]?(?=\s*$))"),
    ("closed", "join follow subscribe get read find for stay", rf"(?:(?:join|follow|subscribe\s+to)\s+(?:us\s+on\s+)?our\s+{_PLATFORMS}\s+(?:channel|page|group|account|community)"
               rf"|(?:get|read|find|for|stay\s+(?:updated|informed|tuned|connected)\s+(?:with|for|on))"
               rf"\s+(?:the\s+|all\s+the\s+)?(?:latest|more|breaking)\s+(?:news|updates|stories|alerts)\b"
               rf"[^.!?\n]{{0,30}}?\s+on\s+our\s+{_PLATFORMS}\b)[^.!?\n]{{0,60}}[.!?]?"),
    ("closed", "to", r"to\s+(?:subscribe|sign\s+up|register)\b[^.!?\n]{0,60}?,?\s+(?:click|tap)\s+here[.!]?"
                     r"(?=\s*$|\s+(?-i:[A-Z\"“]))"),
    ("closed", "subscribe sign register", r"(?:subscribe|sign\s+up|register)\s+(?:to|for|now)\b[^.!?\n]{0,60}\b(?:newsletters?|channel|updates|alerts"
               r"|podcasts?|feed|mailing\s+list)\b[^.!?\n]{0,40}[.!?]?"),
    ("closed", "share download", r"(?:share\s+(?:this|on)\s+(?:story|article|post|" + _PLATFORMS + r")|share\s+(?:this\s+)?(?:with|via)\s+(?:e-?mail|"
               + _PLATFORMS + r")|download\s+(?:our|the)\s+\w*\s*app)"
               r"(?:\s+(?:on|via|with)\s+(?:e-?mail|" + _PLATFORMS + r")(?:\s*(?:,|and|or|&)\s*(?:e-?mail|" + _PLATFORMS + r"))*)?"
               # a button's label glued before a paragraph ends where the paragraph's capital begins
               r"\b(?:(?=\s+(?-i:[A-Z\"“]))|[^.!?\n]{0,60}[.!?]?)"),
    # page furniture glued before a paragraph's first word ("Advertisement The council ..."), or alone
    ("closed", "advertisement getty shutterstock subscribe sponsored",
     r"(?:advertisement|getty\s+images|shutterstock|subscribe\s+now|sponsored\s+content)(?=\s*$|\s+(?-i:[A-Z\"“]))"),
    ("closed", "this originally first republished", r"(?:this\s+(?:article|story|report|piece|post)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:first\s+|originally\s+)?"
               r"(?:published|appeared|posted|republished)|originally\s+published|first\s+published|republished)"
               r"\s+(?:on|in|at|by|with|from)\b(?:\s+(?:" + DOMAIN + r")(?=\s+(?-i:[A-Z\"“]))"  # "... on example.com | Council"
               r"|[^!?\n]{0,100}?(?:[.!?](?=\s|$)|$))"),
    ("closed", "© ( copyright", r"(?:©|\(c\)|copyright\s+(?:©|\(c\))?)\s*(?:\d{4}\s*)?[^\n]{0,60}?all\s+rights\s+reserved\.?"
                                # a wire's notice goes on: "This material may not be published, broadcast, ..."
                                r"(?:\s*this\s+(?:material|article|content|story)\s+may\s+not\s+be\s+(?:published|reproduced"
                                r"|copied|republished)\b[^.\n]{0,100}\.?)?"),
    ("name", "all image images photo photos picture pictures pic pics photograph photographs video videos "
     "source sources sourced courtesy credit credits graphic graphics illustration illustrations file via "
     "input inputs story content news article cover - — – [ "
     "copyright with input inputs agency reporting additional edited editing writing written compiled © ( h hat "
     "screenshot screenshots screengrab screengrabs screen visual visuals infographic infographics cartoon cartoons "
     "fonte fuente quelle foto fotos bild",
     r"(?:[-—–]\s*(?=[^\W\d_]))?"  # "-Source: Reuters"
     r"(?:\[\s*(?:sources?|credits?|photos?|images?)\s*\]\s*(?=:)"  # "[Source]: Reuters"
     r"|(?:all\s+)?(?:images?|photos?|pictures?|pics?|photographs?|videos?)\s*(?:copyright|credits?|courtesy(?:\s+of)?|sources?|by)\s*,?"
             r"|(?:(?:story|content|news|article|image|photo|video)\s+(?:sources?|courtesy|credits?)"
             r"|cover\s+(?:photos?|images?|pictures?|pics?)|inputs?"
             r"|source\s+link|source(?:s|/s|\(s\))?|courtesy(?:\s+of)?|credits?|photos?|images?|pictures?|pics?|photographs?|graphics?"
             r"|illustrations?|videos?|file\s+photo|via|copyright|all\s+(?:photos|images|pictures|pics)|h/t|hat[\s-]tip"
             r"|screen\s?(?:shots?|grabs?)|visuals?|infographics?|cartoons?"
             # the same cues in the languages whose credits English corpora pick up most: "Fonte: Agência Brasil",
             # "Foto: dpa", "Quelle: Reuters"
             r"|fonte|fuente|quelle|foto|fotos|bild)"
             r"\s*(?::|\||[-–—](?=\s))"
             r"|(?:with\s+inputs?\s+from|inputs?\s+from|agency\s+inputs?|(?:additional\s+)?reporting\s+by"
             r"|(?:additional\s+)?reporting\s*(?=:)"
             r"|edit(?:ed|ing)\s+by|(?:additional\s+)?writing\s+by|written\s+by|compiled\s+by|copyright(?:\s*(?:©|\(c\)))?|via|courtesy\s+of|©|\(c\)"
             r"|sourced\s+from|h/t)(?=\s|:|$))"
             r"\s*(?::|\||[-–—](?=\s))?\s*"),
    ("headline", "read also see related more recommended you don't dont must trending top watch listen next "
     "previous up podcast photo video picture image gallery in editor's editors editor continue",
     r"(?:read\s+(?:more|next)(?:\s+on\s+this(?:\s+story)?)?|up\s+next|podcast|also\s+read|read\s+also|see\s+also|also\s+(?:watch|see)|read|related(?:\s+(?:articles?|stories|story|news|coverage"
                 r"|content|reading|links?))?|more\s+on\s+this(?:\s+story)?|recommended(?:\s+(?:for\s+you|reading|stories))?"
                 r"|you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|must\s+read|trending(?:\s+now)?|top\s+stories"
                 r"|more\s+(?:news|stories|from\s+\w+)|(?:photo|video|picture|image)\s+gallery|gallery|in\s+pictures"
                 r"|editor'?s'?\s+picks?|continue\s+reading|read\s+the\s+(?:full\s+|whole\s+|complete\s+)?(?:story|article|report)|also\s+on\s+[\w.-]+|also\s+on\s+(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){1,3}"
                 r"|more|watch|listen|next|previous)(?:\s+here)?\s*(?:[:|]|>>|»|›|→)\s*"
                 r"|(?:read\s+more|also\s+read|read\s+also|see\s+also|must\s+read|related)\s*[-–—](?=\s)\s*"),
    # page furniture a scraper kept, flagged only when it is the whole line
    ("line", "advertisement advertising sponsored ad continue listen min mins minute minutes "
     "skip scroll representational representative file stock image images photo photos tags topics keywords filed posted "
     "media video pictured caption",
     r"(?:advertisement(?:\s*[-–—|:]\s*(?:scroll|continue|story)[\w ]{0,30})?|advertising|sponsored(?:\s+content)?"
             r"|ad\s+feedback"
             r"|continue\s+reading(?:\s+(?:below|the\s+main\s+story|here|the\s+(?:full\s+)?(?:story|article)))?"
             r"(?:\s+on\s+(?:our|the)\s+(?:app|website|site))?(?:\s*(?:\.{3}|…|»|›|→))?"
             r"|listen\s+to\s+(?:this|the)\s+(?:article|story)(?:\s*[(,-]?\s*\d+\s*min(?:ute)?s?\)?)?"
             r"|\d+\s+min(?:ute)?s?\s+read|skip\s+(?:to\s+)?(?:main\s+)?content|scroll\s+down\s+(?:for|to)\s+\w+(?:\s+\w+)?"
             r"|(?:representat(?:ional|ive)|file|stock)\s+(?:image|photo|picture|pic)(?:\s*[(\[][^()\[\]\n]{1,40}[)\]])?|(?:images?|photos?)\s+(?:used\s+)?for\s+representational\s+purposes?"
             r"(?:\s+only)?|(?:images?|photos?|pictures?)\s+(?:used\s+)?for\s+representation(?:al)?(?:\s+purposes?)?(?:\s+only)?|(?:image|media|video)\s+caption(?:\s*[,:]\s*\S|\s+(?-i:[A-Z\"“]))[^\n]{0,150}"
             # a flattened picture block: "Image copyright Reuters Image caption Protesters gathered outside"
             r"|(?:image|photo|picture)\s+(?:copyright|source|credit)\s*[,:]?\s+[^\n]{1,60}?\s+(?:image|photo|picture|media)\s+caption\b[^\n]{0,150}"
             r"|(?:pictured|(?:photo\s+|picture\s+)?caption)\s*:\s*\S[^\n]{0,150}"
             r"|(?:tags|topics|keywords|filed\s+under)\s*:\s*" + _LIST_ITEM + r"(?:\s*[,|;]\s*" + _LIST_ITEM + r"){0,15}"
             r"|(?:filed\s+under|posted\s+in)\s+(?-i:[A-Z])" + _LIST_ITEM + r"(?:\s*[,|;]\s*" + _LIST_ITEM + r"){0,15})[.!]?"),
    # section headers and bare prompts of the page around the article
    ("line", "all related more latest top recommended popular trending most you read see view want like "
     "subscribe sign register newsletter enjoy enjoyed liked love loved never",
     r"(?:all\s+rights\s+reserved|(?:related|more|latest|top|recommended|popular|trending)\s+(?:stories|articles|news"
             r"|(?:internet\s+|external\s+)?links|content|coverage|reading|videos?|topics)|more\s+(?:from|on)\s+[\w&.' -]{1,30}|most\s+(?:read|popular|viewed"
             r"|shared|watched)|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+for\s+you)?"
             r"|trending(?:\s+now)?|(?:read|see|view|watch)\s+(?:the\s+)?(?:original|full|complete)\s+(?:article|story|report|version|video)"
             r"(?:\s+(?:here|online|on\s+(?:our|the)\s+(?:website|site|app)))?|read\s+(?:our|more\s+of\s+our|all\s+our)\s+[^.!?\n]{1,40}?\s+here"
             r"|(?:want|like\s+this)\s*(?:more)?\?[^\n]{0,50}"
             r"|(?:enjoy(?:ed)?|liked?|love[d]?)\s+(?:this|the|our)\s+(?:article|story|post|piece|read|journalism)\s*\?[^\n]{0,80}"
             r"|never\s+miss\s+(?:a|an|another|any)\s+(?:story|update|headline|article|post|thing|beat)\b\s*[:,.!-]?"
             r"[^\n]{0,60}?\b(?:sign\s+up|subscribe|register|follow|download|join)\b[^\n]{0,40}"
             r"|(?:newsletter\s+)?(?:subscribe|sign[\s-]?up|register)(?:\s+(?:now|today|here|for\s+free"
             r"|for\s+(?:our|the)\s+(?:\w+\s+)?newsletter))?)"
             r"[.!]?"),
    # a link's label left alone on its line: "Read more", "Show more", "More »"
    ("line", "read show see view load learn more",
     r"(?:(?:(?:read|show|see|view|load|learn)\s+more|read\s+the\s+rest(?:\s+of\s+(?:the|this)\s+(?:story|article))?)"
             r"\s*(?:»|›|→|>>|\.{3}|…)?|more\s*(?:»|›|→|>>))[.!]?"),
    # prompts to the reader that point elsewhere on the page, the site or the app
    ("line", "watch follow get have got source",
     r"(?:watch\s+(?:the|our)\s+(?:full\s+)?video(?:\s+(?:above|below|here))?"
             r"|follow\s+(?:our|the|all\s+the)\s+(?:latest\s+)?(?:live\s+)?(?:updates|coverage|blog)(?:\s+on\s+(?:our|the)"
             r"\s+(?:live\s+)?(?:blog|page|website|site|app))?"
             r"|get\s+our\s+(?:free\s+)?(?:\w+\s+)?(?:newsletters?|app)(?:\s+(?:in|to|delivered\s+to)\s+your\s+inbox\b[^\n.!?]{0,30})?|(?:have|got)\s+a\s+(?:news\s+)?(?:tip|story)(?:\s+(?:idea|tip))?\s*\?[^\n]{0,100}"
             r"|get\s+(?:the\s+(?:latest|best|top)|our|breaking)\b[^.!?\n]{0,50}?\b(?:delivered\s+)?(?:straight\s+)?(?:to|in)\s+your\s+inbox"
             r"(?:\s+(?:every|each)\s+\w+)?"
             r"|source\s+link)[.!]?"),
    # the web page around the text: navigation, comment and print prompts ...
    ("line", "jump back go return top previous prev next loading please print email e-mail log sign leave add post write "
     "show view hide comments comment reprints reprint report join",
     r"(?:jump\s+to\s+(?:navigation|search|content|main\s+content)(?:\s+jump\s+to\s+(?:navigation|search|content))?"
             r"|(?:back|go|return)\s+to\s+(?:the\s+)?top|top\s+of\s+(?:the\s+)?page"
             r"|(?:previous|prev|next)\s+(?:article|story|post|page)(?:\s*[|/]?\s*(?:previous|prev|next)\s+(?:article|story|post|page))?"
             r"|loading(?:\.{3}|…)?|please\s+wait(?:\s+while\s+[^\n]{1,40}?\s+loads?)?(?:\.{3}|…)?|(?:print|e-?mail)\s+(?:this\s+)?(?:page|article|story)"
             r"|(?:log|sign)\s+in\s+to\s+(?:comment|reply|post|continue\s+reading)|(?:leave|add|post|write)\s+a\s+(?:comment|reply)"
             r"|(?:show|view|hide)\s+(?:all\s+)?(?:\d+\s+)?comments?(?:\s*\(\d+\))?|comments?\s*\(\d+\)|\d+\s+comments?"
             r"|reprints?\s*(?:&|and)\s*permissions|report\s+an?\s+(?:error|typo|correction|issue)(?:\s+(?:in|with)\s+this\s+(?:article|story))?"
             r"|join\s+the\s+(?:conversation|discussion|debate))[.!]?"),
    # ... cookie banners ...
    ("line", "we this accept reject allow cookie cookies privacy manage by",
     r"(?:(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b(?=[^\n]{0,200}\b(?:experience|website|site|brows\w*|consent"
             r"|privacy|personali[sz]\w*|analy[sz]\w*|traffic|advertising|ads)\b)[^\n]{0,240}"
             r"|(?:accept|reject|allow)\s+(?:all\s+)?cookies|(?:cookie|privacy)\s+(?:settings|preferences|policy)"
             r"|manage\s+(?:your\s+)?(?:cookies|(?:cookie|privacy)\s+(?:settings|preferences|choices|consent)|preferences|consent)"
             r"|by\s+continuing\s+to\s+(?:browse|use)\b[^\n]{0,150}\bcookies\b[^\n]{0,80})[.!]?"),
    # ... and an encyclopedia's frame
    ("line", "from retrieved this",
     r"(?:from\s+wikipedia,\s+the\s+free\s+encyclopedia|retrieved\s+from\s+\S+"
             r"|this\s+article\s+(?:needs\s+additional\s+citations|has\s+multiple\s+issues)[^\n]{0,200})[.!]?"),
    # a wire service's photo credit: "AFP Photo", "Photo/AFP", "(Reuters Video)"
    ("line", "photo image picture ( [ WIRES", r"(?:(?:Photo|Image|Picture)\s*/\s*" + WIRES + "|" + WIRES + r"\s+(?:Photos?|Images?|Pictures?|Video)"
             r"(?:\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
             r"|" + WIRES + r"\s*/\s*(?:Getty\s+Images|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
             r"|[(\[]\s*" + WIRES + r"\s+(?:Photos?|Images?|Pictures?|Video)\s*[)\]])[.!]?"),
]
# "Article continues below", a feed reader's "Source link": page furniture on its line, or glued to a paragraph's end
_FAMILIES += [
    ("end", "the story article content text report", r"(?:the\s+)?(?:story|article|content|text|report)\s+continues\s+(?:below"
            r"|after)(?:\s+(?:this\s+)?(?:advertisement|advert|ad))?\.?"),
    ("end", "source", r"source\s+link\.?"),
]
# what a paywall, a login or a page's buttons leave: "Already a subscriber? Log in", "Gift this article",
# "Please enable JavaScript ...", a row of share buttons ("Facebook Twitter WhatsApp Email")
_SHARE_BUTTON = (r"(?:share|tweet|print|e-?mail|save|pin|copy\s+link|comments?|facebook|twitter|whatsapp|linkedin|telegram"
                 r"|reddit|pinterest|messenger|flipboard)")
_FAMILIES += [
    ("line", "already this subscribe sign log gift save open supported please enable turn javascript you",
     r"(?:already\s+a\s+(?:subscriber|member)\s*\??\s*(?:(?:log|sign)\s*in|subscribe)\b[^\n]{0,40}"
             r"|this\s+(?:content|article|story|page)\s+is\s+(?:only\s+)?(?:for|available\s+(?:only\s+)?to|reserved\s+for)"
             r"\s+(?:paid\s+|premium\s+)?(?:subscribers|members)(?:\s+only)?"
             r"|(?:subscribe|log\s+in|sign\s+in)\s+to\s+(?:continue|keep)\s+reading|subscribe\s+to\s+(?:read|unlock)\b[^\n]{0,40}"
             r"|subscribe\s+(?:now\s+|today\s+)?(?:for|to\s+get)\s+(?:unlimited|full|digital|premium)\s+(?:digital\s+)?access\b[^\n]{0,40}"
             r"|(?:gift|save)\s+(?:this\s+)?(?:article|story)|open\s+in\s+(?:the\s+)?app|supported\s+by"
             r"|(?:please\s+)?(?:enable|turn\s+on)\s+javascript\b[^\n]{0,120}"
             r"|(?:you\s+need\s+to\s+enable\s+|javascript\s+is\s+(?:disabled|required|not\s+enabled))[^\n]{0,120})[.!]?"),
    ("line", "share tweet print email e-mail save pin copy comment comments facebook twitter whatsapp linkedin "
     "telegram reddit pinterest messenger flipboard",
     rf"{_SHARE_BUTTON}(?:\s*[|·•,/]?\s*{_SHARE_BUTTON})+"),  # two or more: "Email" alone may head a section
    # a press release's source line: "SOURCE Acme Corporation"; Reuters's footer
    ("line", "source", r"(?-i:SOURCE\s+[A-Z][a-z][\w.,&'’-]*(?:\s+[\w.,&'’-]+){0,5})"),  # not "SOURCE CODE"
    ("closed", "our", r"our\s+standards\s*:\s*the\s+thomson\s+reuters\s+trust\s+principles\.?"),
]
# what an embedded video or social-media post leaves behind when the page is flattened to text: "Media playback
# is unsupported on your device", "Skip Twitter post by @x", "Allow Instagram content?", "Copy this link"
_FAMILIES += [
    ("line", "media this to your skip end allow view copy close share about these the a",
     rf"(?:media\s+playback\s+is\s+(?:unsupported|not\s+supported)\s+on\s+(?:your|this)\s+device"
             rf"|this\s+(?:video|audio|content)\s+(?:can\s*not|cannot|can't|could\s+not)\s+be\s+(?:played|displayed|shown)"
             rf"|to\s+(?:play|watch|view)\s+this\s+(?:video|audio|content)\s+you\s+need\s+to\s+enable\s+javascript\b[^\n]{{0,80}}"
             rf"|your\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|audio|iframe|html5)\b[^\n]{{0,80}}"
             rf"|(?:skip|end\s+of)\s+{_PLATFORMS}\s+(?:post|content|video|tweet)(?:\s+\d+)?(?:\s*,?\s+by\s+[^\n]{{1,60}})?"
             rf"|allow\s+{_PLATFORMS}\s+content\s*\??|view\s+(?:the\s+)?(?:original\s+)?(?:tweet|post)\s+on\s+{_PLATFORMS}"
             rf"|view\s+this\s+post\s+on\s+{_PLATFORMS}|a\s+post\s+shared\s+by\s+[^\n]{{1,60}}"
             rf"|copy\s+(?:this\s+)?link|close\s+share\s+panel|share\s+(?:this\s+)?page|about\s+sharing"
             rf"|these\s+are\s+external\s+links\s+and\s+will\s+open\s+in\s+a\s+new\s+(?:window|tab)"
             rf"|the\s+[\w ]{{2,40}}?\s+is\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external\s+(?:internet\s+)?"
             rf"(?:sites|websites|links))[.!]?"),
]
# what a syndication feed appends to an excerpt: "The post <title> appeared first on <site>." (at a line's end),
# "The article originally appeared on <site>." (a whole line), and the excerpt's truncation mark "[...]". The site
# is a name or an address: "The story first appeared on BBC Two in 1998 and ran ..." is prose.
_SITE = rf"(?:{DOMAIN}|(?-i:[A-Z][\w.&'’-]*(?:\s+(?:[A-Z&][\w.&'’-]*|of|the|and)){{0,5}}))[.!]?(?=\s*$)"
_FAMILIES += [
    ("end", "the", r"the\s+post\s+[^\n]{1,200}?\s+appeared\s+first\s+on\s+" + _SITE),
    ("line", "the", r"the\s+(?:article|story|post)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published)\s+on\s+"
                    + _SITE),
    ("line", "( [", r"[(\[]\s*(?:\.{3}|…)\s*[)\]]"),
]
# an image viewer's buttons ("Enlarge this image", "toggle caption") and single page buttons ("Tweet", "Pin it",
# "Font size")
_FAMILIES += [
    ("line", "enlarge expand zoom toggle hide show view open", r"(?:(?:enlarge|expand|zoom(?:\s+in)?)\s+(?:this\s+)?(?:image|photo|picture|gallery)"
             r"|(?:toggle|hide|show)\s+caption|view\s+(?:larger|full[\s-]?size|full[\s-]?screen)(?:\s+(?:image|photo|picture|version))?"
             r"|open\s+(?:image\s+)?in\s+(?:gallery|lightbox|full\s?screen))[.!]?"),
    ("line", "tweet pin bookmark font text save add", r"(?:tweet(?:\s+this)?|pin\s+it|bookmark(?:\s+this(?:\s+(?:page|article|story))?)?"
             r"|(?:font|text)\s+size|save\s+for\s+later|add\s+to\s+(?:favou?rites|bookmarks|reading\s+list))[.!]?"),
]
# a photo agency's name alone: "Getty Images", "Shutterstock"
_FAMILIES += [
    ("line", "getty shutterstock alamy istock istockphoto pa epa", r"(?:getty\s+images|shutterstock|alamy(?:\s+stock\s+photo)?"
             r"|istock(?:photo)?|pa\s+(?:media|wire)|epa(?:-efe)?)(?:\s*(?:/|via)\s*[\w.'’ -]{1,40})?\.?"),
]
# Case-sensitive families: names, not words. A wire's credit may open with "with" in English or in the languages
# whose credits English corpora pick up most: "Avec AFP", "Mit Material von dpa", "Con información de EFE".
_WITH = (r"(?:[Ww]ith|(?i:avec|con|com|mit)(?:\s+(?i:material\s+(?:von|der|des)|informaci[oó]n\s+de"
         r"|informa[cç](?:õ|o)es\s+d[aeo]s?))?)")
_FAMILIES += [
    # a parenthesised agency code at a boundary: "(AP)", "(IANS)", "(AFP/PTI)" (not "credit": "(ONS)." closing a
    # sentence is the sentence's own abbreviation)
    ("closed", "(", r"(?-i:\([A-Z]{2,6}(?:\s*/\s*[A-Z]{2,6})*\))"),
    # a wire service in parentheses (anywhere at a boundary): "(Reuters)", "[AFP/Reuters]"; after a dash, after "with"
    # or alone, only where it ends the line: "... said. - Reuters", "With AFP", "Xinhua"
    ("credit", "( [", rf"(?-i:[(\[]\s*(?:{_WITH}\s+)?{WIRES}(?:\s*[/,&]\s*{WIRES})*\s*[)\]])"),
    ("end", "- — – with avec con com mit WIRES", rf"(?-i:(?:{DASH}\s*|(?:{DASH}\s*)?{_WITH}\s+)?{WIRES}(?:\s*[/,&]\s*{WIRES})*\.?)"),
    # a wire service and the place it filed from, alone on a line: "UNB, Dhaka", "Reuters, London"
    ("line", "WIRES", rf"(?-i:{WIRES}\s*,\s*[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)\.?"),
]
# A credit whose cue comes last, tried at any start when its cue word is in the line: "Reuters contributed to this
# report.", "Staff writer Jane Doe contributed reporting from Kyiv.", "AP writers Jane Doe and John Roe contributed."
# (only where it ends the line; "contributed." alone only after a writer's or a reporter's role).
_ROLES = r"(?:staff|writers?|correspondents?|reporters?|photographers?)"
_CONTRIBUTOR = (rf"(?-i:(?!(?:He|She|It|They|We|I|You|This|That|Who)\b)[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|and|the|&"
                rf"|{_ROLES})){{0,7}}(?:\s+(?:in|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})?)\s+contributed")
_FAMILIES += [
    ("end", "", rf"(?:{_CONTRIBUTOR}\s+(?:reporting|research|to\s+this\s+(?:report|story|article))"
                rf"(?:\s+(?:from|in)\s+[A-Z][\w.'’ ,-]{{0,40}})?|(?=(?:\S+\s+){{0,8}}?(?-i:{_ROLES})\s){_CONTRIBUTOR})\.?"),
]
_CUE_LAST = {"contributed": len(_FAMILIES) - 1}
# A photographer's credit that names the agency last, alone on its line: "Jane Doe/Reuters", "JOHN DOE/AFP"
_FAMILIES += [
    ("line", "", r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*/\s*(?-i:" + WIRES + r")(?:\s+(?:via\s+)?Getty\s+Images)?\.?"),
]
_CUE_LAST["/"] = len(_FAMILIES) - 1
# Credits in brackets that may also stand between two sentences of a paragraph, where a scraper joined a paragraph
# that ended with one to the next ("... debate. (Source: Reuters) Critics said ..."): those with a cue word
# ("(Source: ...)", "(Photo: ...)", "(With inputs from ...)") and a wire service's ("(Reuters)"), not an agency
# code ("(ONS)" names what the sentence before spoke of) nor an address.
_MID = [n for n, (kind, _, pattern) in enumerate(_FAMILIES) if kind in ("closed", "credit")
        and pattern.startswith((r"[(\[]\s*(?:(?:sources?", r"[(\[]\s*(?:(?:AP|AFP", r"(?-i:[(\[]\s*(?:",
                                r"[(\[]\s*(?:(?:written"))]
_MID_WORDS = 8  # a credit between sentences is short and no sentence: "(Sources close to the talks said ...)" is prose
_WIRE = re.compile(WIRES)
# Which families a tag can start with, by its first word (lower case) or opening character. Only those are tried,
# and each family is compiled the first time one is: a one-file run compiles the few its lines need.
_BY_START: dict[str, list[int]] = {}
for _n, (_, _starts, _) in enumerate(_FAMILIES):
    for _start in _starts.replace("WIRES", " ".join(re.findall(r"\w+", WIRES.lower()))).split():
        _BY_START.setdefault(_start, []).append(_n)
_COMPILED: list = [None] * len(_FAMILIES)


def _family(n: int):
    if _COMPILED[n] is None:
        _COMPILED[n] = re.compile(_FAMILIES[n][2], re.IGNORECASE)
    return _COMPILED[n]


_LONGEST_TAG = 2000  # characters: a tag glued to a line's end starts no further back (a line may be megabytes)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*(\s*)""")
_EDIT_LINK = re.compile(r"\[\s*edit(?:\s+source)?\s*\]$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[(\[{<©—–-]|\d+\s+[^\W\d_]+|[^\W\d_]+(?:'[a-z]+)?")
_TOKEN = re.compile(r"\S+")
_AGENCY_WORDS = frozenset("""images image press news agency agence photos photo pictures picture media service services
wire associated international getty france-presse presse times post group network networks
agencies wires
""".split())
_CONNECTORS = frozenset({"&", "and", "of", "the", "/", "-", "via", "de", "del", "der"})
# Words that end the names of news outlets and picture libraries: "Dhaka Tribune", "BBC News", "New Age",
# "Science Photo Library", "Getty Images".
_MASTHEAD_ENDS = frozenset("""images photos pictures photography library press news agency agencies media service
services wire network tribune star herald express journal guardian observer telegraph mail standard gazette chronicle
independent monitor mirror review today online age times post sun daily weekly magazine channel tv radio insider
association""".split())


def _name_end(token: str, whole: bool) -> float:
    """How well a credit's source name ends on `token` (the rest of the line follows unless `whole`): on a word that
    ends outlets' names, well; on a possessive or a comma, not at all ("Source: Al Jazeera Japan's | Honda ...",
    "Image copyright Getty Images Separately, | Fujitsu ...": those open the paragraph)."""
    word = token.strip("()[]:;.").lower()
    if not whole and (word.endswith(("'s", "’s")) or token.endswith(",")):
        return -3.0
    return 2.0 if word in _MASTHEAD_ENDS else 0.0


@dataclass(frozen=True)
class Options:
    extend_patterns: list[str] = option([], "More regular expressions that match a whole tag (case-insensitive).")
    ignore_patterns: list[str] = option([], "Regular expressions: a tag whose text matches one is not reported "
                                            "(allowed bylines, house credits).")
    max_headline_words: int = option(14, "The longest teaser headline after a cue such as `Read more:`.")

    def validate(self):
        for p in [*self.extend_patterns, *self.ignore_patterns]:
            try:
                re.compile(p)
            except re.error as exc:
                return f"invalid regular expression {p!r}: {exc}"
        return None


@dataclass
class _Tag:
    start: int
    end: int  # offsets in the document
    confident: bool
    what: str
    kind: str = ""


class SourceTag(Rule):
    """Source or attribution tag, teaser, share prompt or credit left in the text.

    ## What it does
    Flags scraper leftovers that are not part of the article's sentences,
    standing on their own line or glued to the start or end of a paragraph:
    source and agency tags (`(Source:www.tbsnews.com)`, `Source: Reuters`,
    `(With inputs from PTI)`), teasers with another story's headline
    (`Read more: ...`, `Also read: ...`), newsletter and social prompts
    (`Click here to subscribe to our newsletter.`, `Follow us on Twitter
    @handle`), photo and image credits (`Image copyright AFP`), copyright
    footers and syndication notes (`The post ... appeared first on ...`).

    It combines a small vocabulary of cue words (source, via, courtesy, credit,
    photo, image, copyright, read more, related, subscribe, follow, share,
    inputs from, originally published, reporting by, ...) with structure:
    where the tag stands (a paragraph boundary, never inside a sentence), and
    what follows the cue (a domain, URL or handle; a short agency-like name,
    which ends well on a word that ends outlets' names, `Tribune`, `News`,
    and never on a possessive or a comma; a
    headline whose words occur nowhere else in the document: where one glued
    before a paragraph ends is chosen by how new its words are, by the
    words of prose headlines leave out, by the length of the document's own
    headline, and by what opens the paragraph after it; in a run over twenty
    files or more, a teaser that gives another document's headline word for
    word ends where that headline ends). Wire
    services without a cue (`(Reuters)`, `... said. - Reuters`) and page
    furniture that fills a whole line (`Advertisement`, `Image source, Getty
    Images`, `Continue reading the main story`, `Tags: a, b, c`, `Back to
    top`, `Comments (12)`, cookie banners, `From Wikipedia, the free
    encyclopedia`, paywall and share-button lines such as `Already a
    subscriber? Log in` and `Facebook Twitter WhatsApp Email`), unless the
    line is shaped as a heading and the next paragraph's first sentence is
    about its words (`Privacy policy` / `Our privacy policy explains ...`);
    furniture of two words or more is also flagged where it ends a paragraph
    after its last sentence (`... the vote. Print this page`). A teaser cue
    that opens a one-line paragraph takes the whole line, whatever words the
    headline shares with the article, unless it ends with a full stop (a
    short paragraph may be glued after the headline). A short credit in
    brackets between two sentences of a paragraph, where a scraper joined a
    paragraph that ended with it to the next (`... debate. (Source:
    Reuters) Critics said ...`), is flagged too. Attributions
    inside sentences (`according to Reuters`, `(source: WHO)` mid-sentence,
    `..., he said.`) and headlines are never flagged.

    ## Why is this bad?
    These lines belong to the page, not the article: they repeat across
    documents, break sentences apart, and teach models to emit them.

    ## Example
    ```
    (Source:www.tbsnews.com)\u00a0During Russian President Vladimir Putin's visit...

    Follow us on Twitter @newsdesk
    ```

    ## Fix safety
    The fix deletes the tag and the whitespace that glued it, or the whole line
    or paragraph when the tag stands alone. It is safe when the tag's extent is
    certain (a closed pattern such as a parenthesised tag, a prompt ending in a
    handle, or a whole line); unsafe when the end of a glued tag was inferred
    (an agency name or a teaser headline followed by the article's text) or
    when only structure found it (furniture glued to a paragraph's end).
    """

    code = "S101"
    name = "source-tag"
    requires = frozenset({CorpusStatistics})  # the headlines of the documents checked together (see _known_headline)
    category = "source-tag"
    fixable = "sometimes"
    Options = Options

    def __init__(self, options=None):
        super().__init__(options)
        self._extra = [re.compile(p, re.IGNORECASE) for p in self.options.extend_patterns]
        self._ignore = [re.compile(p, re.IGNORECASE) for p in self.options.ignore_patterns]
        self._headlines = None  # the headlines of the documents checked with the one being checked, if known

    def check(self, document, context):
        text = document.text
        self._headlines = context.corpus.headlines if context.corpus is not None else None  # for this document
        copies = _copies(document)
        found: dict[int, list[str]] = {}  # block index -> texts of its tags
        for block in document.blocks:
            if block.kind != "paragraph" or document.in_code(block.start):
                continue  # headlines, and Markdown's code blocks and comments (code, not a page's text)
            for line, ls, le in document.block_lines(block):
                content = text[ls:le]
                lead = len(content) - len(content.lstrip())
                trail = len(content.rstrip())
                if trail <= lead:
                    continue
                # in hard-wrapped prose a line after a wrapped line continues its sentence: no tag opens it
                alone = line == block.first_line or not document.continues(line)
                first = alone
                tags = self._tags(content, lead, trail, document, first, first and line == block.last_line)
                if not tags and not alone and line == block.last_line:
                    ls, lead, trail, tags = self._wrapped_tail(document, line)
                for tag in tags:
                    a, b = ls + tag.start, ls + tag.end
                    if (tag.kind in ("name", "headline") and b == ls + trail and line < block.last_line
                            and not ends_sentence(content, introduces=True)):
                        tag.confident = False  # its inferred end is where the line wraps, not where the tag ends
                    if tag.kind == "line" and block.first_line == block.last_line and _heads_next(document, block,
                                                                                                  text[a:b]):
                        continue  # a heading of the paragraph after it ("Privacy policy" / "Our privacy policy ...")
                    if (_NOTICE.search(text[a:b]) or tag.what.startswith("URL")) and _legal_text(document):
                        continue  # a licence's own copyright notice and addresses are its text
                    if any(p.search(text[a:b]) for p in self._ignore):
                        continue
                    if document.in_example_code(a):
                        continue  # an example in a Markdown code span: "`... a long debate. (Source: Reuters) ...`"
                    found.setdefault(block.index, []).append(text[a:b])
                    # A copy of a paragraph that carried the same tag goes with repeated-passage's fix.
                    if any(_similar(text[a:b], t) for t in found.get(copies.get(block.index, -1), ())):
                        continue
                    yield self._diagnostic(document, block, line, ls, le, lead, trail, a, b, tag)

    def _wrapped_tail(self, document, line: int):
        """A tag glued to the end of a hard-wrapped paragraph and broken across its last two lines ("... lay-off.
        Follow us\non Twitter @apnews"): the two lines read as one, the line break as a space (same offsets).
        Returns where they start, their content's lead and trail, and the tags that cross the break."""
        start, end = document.line_span(line - 1)[0], document.line_span(line)[1]
        joined = document.text[start:end].replace("\r", " ").replace("\n", " ")
        lead, trail = len(joined) - len(joined.lstrip()), len(joined.rstrip())
        cut = document.line_span(line)[0] - start
        return start, lead, trail, [t for t in self._tags(joined, lead, trail, document, False)
                                    if lead < t.start < cut]

    def _tags(self, content: str, lead: int, trail: int, document, first_line: bool, paragraph: bool = False):
        """Tags in one line: at its start (`first_line`: the line does not continue a sentence of the line
        before), at its end, or the whole line (`paragraph`: the line is a whole paragraph)."""
        body = content[lead:trail]
        found = []
        start_tag = self._match_at(body, 0, document, at_start=True, paragraph=paragraph)
        if start_tag and start_tag.kind == "name" and start_tag.end < len(body) and _credit_tail(body[start_tag.end:]):
            start_tag.end, start_tag.confident = len(body), False  # "Photo by John Doe on Unsplash": all of it
        if start_tag and start_tag.end < len(body) and body[start_tag.end - 1] == "." and body[start_tag.end].isalnum():
            start_tag = None  # "... mailing list at https://groups.|google.com ...": a full stop inside an address
        if (start_tag and start_tag.end < len(body) and not body[:start_tag.end].rstrip().endswith((".", "!", "?"))
                and _continues_sentence(body[start_tag.end:])):
            start_tag = None  # "(NTT) expects its profits ...": the sentence began before it, on the line above
        if start_tag and (first_line or start_tag.end == len(body)):
            found.append(start_tag)
        if not start_tag or start_tag.end < len(body):
            for pos in _tag_starts(body, max(0, len(body) - _LONGEST_TAG)):
                if start_tag and pos < start_tag.end:
                    continue
                tag = self._match_at(body, pos, document, at_start=False)
                if tag and tag.end == len(body):
                    found.append(tag)
                    break
            else:
                tag = self._closing_parenthesis(body, document, start_tag)
                if tag:
                    found.append(tag)
        if "(" in body or "[" in body:
            found += self._between_sentences(body, found)
        if not found:
            edit = _EDIT_LINK.search(body)  # "History[edit]": an encyclopedia's edit link glued to a heading
            if edit and edit.start() > 0:
                found.append(_Tag(edit.start(), len(body), True, "Scraper leftover (edit link)"))
        for tag in found:
            tag.start += lead
            tag.end += lead
        return found

    @staticmethod
    def _between_sentences(body: str, found: list) -> list:
        """Credits in brackets between two sentences of the line (see _MID), outside the tags already found."""
        out = []
        for pos in _tag_starts(body):
            if (body[pos:pos + 1] not in "([" or any(t.start <= pos < t.end for t in found)
                    or (out and pos < out[-1].end)):  # positions come in order: the last tag found is enough
                continue
            for n in _MID:
                m = _family(n).match(body, pos)
                if m is None:
                    continue
                after = body[m.end():m.end() + 2]
                if (len(after) == 2 and after[0] == " " and (after[1].isupper() or after[1] in "\"“‘")
                        and len(m.group().split()) <= _MID_WORDS and m.group()[-2:-1] not in ".!?"):
                    out.append(_Tag(pos, m.end(), False, _describe(_FAMILIES[n][0], m.group()), "mid"))
                break
        return out

    def _closing_parenthesis(self, body: str, document, start_tag) -> _Tag | None:
        """A wire or photo credit in parentheses that closes the paragraph without a full stop before it: "... in
        Geneva (AFP)", "... was signed (AP Photo)." (a full stop after it stays). Not "(source: WHO)." or
        "(ONS).": those cite inside the sentence. Without a full stop after it either, a bracketed source or
        inputs credit ends a line that is no sentence, such as a fixture's: "Derby v Wigan (Source: Reuters)"
        (an unsafe fix: it may be a caption's citation)."""
        end = len(body) - 1 if body.endswith(".") else len(body)
        pos = max(body.rfind("(", 0, end), body.rfind("[", 0, end))
        if pos <= 0 or not body[pos - 1].isspace() or (start_tag and pos < start_tag.end):
            return None
        tag = self._match_at(body[:end], pos, document, at_start=False)
        if not tag or tag.end != end:
            return None
        if tag.kind == "closed" and end == len(body) and _SOURCE_CREDIT.match(body, pos):
            tag.confident = False
            return tag
        return tag if tag.kind == "credit" else None

    def _match_at(self, body: str, pos: int, document, at_start: bool, paragraph: bool = False) -> _Tag | None:
        for rx in self._extra:
            m = rx.match(body, pos)
            if m and m.end() > pos:
                return _Tag(pos, m.end(), True, "configured pattern")
        first = _FIRST_WORD.match(body, pos)
        candidates = list(_BY_START.get(first.group().split()[-1].lower(), ())) if first else []
        candidates += [n for word, n in _CUE_LAST.items() if body.find(word, pos) != -1]
        furniture = None
        for n in candidates:
            kind = _FAMILIES[n][0]
            m = _family(n).match(body, pos)
            if not m:
                continue
            cue = m.group().strip()
            if kind == "line" and (pos or m.end() < len(body)):
                if not (at_start or m.end() < len(body) or len(m.group().split()) < 2 or furniture):
                    # page furniture counts as a whole line, or as two words or more ending one (unless another
                    # family knows the words better)
                    furniture = _Tag(pos, m.end(), False, _describe(kind, cue), kind)
                continue
            if kind in ("closed", "line", "end", "credit"):
                end = m.end()
                confident = n not in _CUE_LAST.values()  # a cue that comes last: "Volunteers contributed to ..."
                if kind == "end" and end < len(body):
                    continue  # "- Reuters" credits the story at its end, never opens a paragraph
            else:
                rest = body[m.end():]
                if cue.lower().startswith("(c)") and not _YEAR_FIRST.match(rest):
                    continue  # "(a) ... (b) ... (c) Within a year": an enumeration; "(c) 2015 Example Ltd" credits
                if not rest.strip():
                    if pos == 0 and at_start:  # the cue alone on its line: "Also read:", "Source:"
                        return _Tag(0, m.end(), True, _describe(kind, cue))
                    continue  # a cue with nothing after it
                dm = re.match(rf"\s*(?:{DOMAIN}|{HANDLE})", rest)
                if dm and (dm.end() == len(rest.rstrip()) or rest[dm.end():dm.end() + 1].isspace()):
                    end, confident = m.end() + dm.end(), True
                elif paragraph and (whole := self._whole_teaser(rest, kind, document)) is not None:
                    end, confident = m.end() + whole, False  # where a headline ends is judged: unsafe
                else:
                    n = self._extent(rest, kind, document, to_end=not at_start)
                    if n is None:
                        continue
                    end = m.end() + n
                    confident = end >= len(body.rstrip())  # the tag is the whole rest of the line
                cue = body[pos:m.end()].strip()
            if not at_start and end < len(body.rstrip()):
                continue
            return _Tag(pos, end, confident, _describe(kind, cue), kind)
        return furniture

    def _whole_teaser(self, rest: str, kind: str, document) -> int | None:
        """A teaser cue that opens a paragraph of one line, followed by a headline: the whole line ("Also read:
        Budget 2024: What changes for you?"), however many of its words the article shares. Not when the line ends
        with a full stop: that may be a short paragraph glued after the headline ("Read more: Markets fall Users
        welcomed the decision."). The headline of another document checked with this one ends it wherever the
        line goes on."""
        if kind != "headline":
            return None
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(rest)]
        known = _known_headline(tokens, self.options.max_headline_words, self._headlines)
        if known is not None:
            return known  # "Read more: <another document's headline> 2000 GMT": a short line glued after it
        if rest.rstrip().endswith("."):
            return None
        return self._extent(rest, kind, document, to_end=True)

    def _extent(self, rest: str, kind: str, document, to_end: bool = False) -> int | None:  # long: one scoring loop over the candidate extents, each weight with its reason
        """How many characters of `rest` the name or headline takes, or None when it is not a tag.

        `to_end`: the tag is glued to the end of a paragraph, so it must take all of `rest`.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(rest)]
        limit = 5 if kind == "name" else self.options.max_headline_words
        if not tokens:
            return None
        if to_end:
            head = [t for _, _, t in tokens]
            ok = len(tokens) <= limit and (_name_like(head) if kind == "name" else
                                            not any(_ends_sentence(t) for t in head[:-1]))
            return tokens[-1][1] if ok else None
        if kind == "headline":
            known = _known_headline(tokens, limit, self._headlines)
            if known is not None:
                return known
        vocab = _vocabulary(document)
        subject, surname = _attributed_subject([t for _, _, t in tokens])
        best, best_score, evidence = None, float("-inf"), (float("-inf"), 0)
        for b in range(1, min(limit, len(tokens)) + 1):
            head = [t for _, _, t in tokens[:b]]
            if kind == "name" and (not _name_like(head) or any(_ends_sentence(t) for t in head[:-1])):
                break
            if kind == "name" and surname is not None and b >= surname:
                break  # "Picture: PA | Governor Elena Varga said": a source's name is not the speaker's
            if kind == "headline" and any(_ends_sentence(t) for t in head[:-1]):
                break
            if kind == "headline" and b > 1 and _starts_sentence(head[-1], head[:-1]):
                break  # a sentence-case headline does not run into "The ..." or "But ..."
            if b < len(tokens):
                nxt = tokens[b][2]
                if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "\"'“‘("):
                    continue
                if kind == "name" and head[-1].lower() in _CONNECTORS:
                    continue  # "Reporting by the | BBC has shown ...": a name does not end on "the" or "of"
                if kind == "name" and _name_word(nxt) and not nxt[:1].isdigit() and nxt.lower() not in STOP_WORDS:
                    if nxt.lower() in _AGENCY_WORDS or nxt.lower().rstrip(",") in _COMPANY:
                        continue  # the name goes on: "Getty | Images", "Example Media | Ltd." (not "Reuters | MCI said")
            score = _novelty(head, vocab) - (_NAME_WORD_COST * (b - 1) if kind == "name" else 0.0)
            shape = 0.0  # where a headline can end: chooses among extents, but is no evidence that there is one
            if kind == "headline":
                shape -= _prose(head) + _LONG * max(0, b - _usual_length(document))
            if kind == "name":
                shape += _name_end(head[-1], b == len(tokens))
            if kind == "headline" and b < len(tokens) and tokens[b][2][:1].isdigit():
                shape -= 1.0  # news does not open a sentence with a figure: "Rail fares to rise | 5%" is one cut short
            if kind == "headline" and head[-1].lower() in _DANGLING:
                shape -= 1.5  # "Bank cuts rates to": a headline does not end on a preposition or an article
            if (kind == "headline" and b < len(tokens) and b not in subject and _splits_name(head, tokens[b][2])
                    and _names_subject([t for _, _, t in tokens[b:]])):
                shape -= 2.0  # "... keep rising Grain grower Anna | Brandt said": a name is not cut in two
                if _resumes(tokens[b][2], head, vocab):
                    shape -= 2.0  # "... Chancellor Gordon | Brown": the document's own name takes its first part
            if kind == "headline" and b == len(tokens) and _ends_sentence(head[-1]) and head[-1].endswith("."):
                shape -= 6.0  # "... Shares in building firms rose after the announcement.": a headline has no full stop
            if b == surname:
                shape -= 4.0  # "... Governor Elena | Varga said": a speaker's name is not cut in two
            if kind == "name" and surname is not None and b == surname - 2 and tokens[b][2].lower() in _ROLES:
                score += 1.5  # "Source: Dhaka Tribune | Governor Elena Varga said": the speaker's title
            if kind == "headline" and b in subject:
                score += 2.5  # "... war fears | Grain grower Anna Brandt said": the paragraph's speaker and role
            elif kind == "headline" and b < len(tokens) and _starts_sentence(tokens[b][2], head):
                score += 2.0
            elif kind == "headline" and b < len(tokens) and _resumes(tokens[b][2], head, vocab):
                score += 1.0  # "... war fears Council leader ...": a sentence-case headline ends where a capitalised
                # word of the document's own vocabulary follows
            if b == len(tokens):
                score += 0.5  # nothing follows: the whole rest is the tag
            last = head[-1].strip("()[],;:.")
            if kind == "name" and b > 1 and re.fullmatch(r"(?:19|20)\d\d", last):
                score += 1.0  # a year closes a credit: "© AFP 2024 | Council leader ..."
                last = head[-2].strip("()[],;:.")
            if kind == "name" and _WIRE.fullmatch(last):
                score += 2.0  # a wire service's name ends a credit: "Source: Reuters Governor Elena Varga said ..."
            evidence = max(evidence, (score, -b))  # the best extent by evidence alone (the shortest of equals)
            if score + shape > best_score:
                best, best_score = b, score + shape
        if best is None or (kind == "headline" and evidence[0] <= 0 and -evidence[1] < len(tokens)):
            return None
        return tokens[best - 1][1]

    def _diagnostic(self, document, block, line, ls, le, lead, trail, a, b, tag: _Tag):  # long: where the tag stands in its line and block
        text = document.text
        whole_line = a == ls + lead and b == ls + trail
        if whole_line and block.first_line == block.last_line:
            edit = Edit(removal_start(document, block), block.end)
            where = "on its own line"
        elif whole_line:
            nl_end = document.line_starts[line + 1] if line + 1 < document.line_count else le
            edit = Edit(ls, nl_end) if line + 1 < document.line_count else Edit(document.line_span(line - 1)[1], le)
            where = "on its own line"
        elif a == ls + lead:
            end = b
            while end < le and text[end].isspace():
                end += 1
            edit = Edit(a, end)
            where = "glued to the start of a paragraph"
        else:
            start = a
            while start > ls and text[start - 1].isspace():
                start -= 1
            edit = Edit(start, b)
            where = "glued to the end of a paragraph" if b == ls + trail else "between two sentences of a paragraph"
        shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
        make = Fix.safe if tag.confident else Fix.unsafe
        return Diagnostic(a, b, f'{tag.what} {where}: "{shown}"', fix=make(edit, message="Delete the tag"))


_YEAR_FIRST = re.compile(r"\s*(?:(?:19|20)\d\d)\b")
_SOURCE_CREDIT = re.compile(r"[(\[]\s*(?:sources?\b|(?:with\s+)?(?:additional\s+|agency\s+)?inputs?\b|courtesy\b)",
                            re.IGNORECASE)
_NOTICE = re.compile(r"copyright|©|\(c\)|all rights reserved", re.IGNORECASE)


def _legal_text(document) -> bool:
    """A licence or a similar legal text: there "Copyright (c) ...", "All rights reserved." and a URL on its line
    are the text itself, not a scraper's leftovers (a LICENSE.txt in a repository)."""
    return document.analysis(_LegalText)


class _LegalText:
    @staticmethod
    def compute(document) -> bool:
        return legal_phrases(document.text) >= 2


# Words of page furniture that the prose after it may use by chance: they say nothing of what a heading is about.
_GENERIC = frozenset("""read more story stories article articles news latest video videos photo photos image images
page pages continue continues reading related below above source sources getty comment comments already here
today free back click view show hide leave post write""".split())


def _heads_next(document, block, line: str) -> bool:
    """Whether a line of page furniture is the heading of the paragraph after it: the first sentence of that
    paragraph uses one of the line's distinctive words ("Privacy policy" / "Our privacy policy explains ...",
    "Subscribe" / "To subscribe, open ..."): a help page's sections, an article's subheads."""
    blocks = document.blocks
    if len(line.split()) > 4 or re.search(r"[.?!:;]", line):
        return False  # not shaped as a heading: a prompt, a sentence, a list of tags
    if block.index + 1 >= len(blocks) or blocks[block.index + 1].kind != "paragraph":
        return False
    distinctive = [w for w in re.findall(r"[a-z]{4,}", line.lower()) if w not in STOP_WORDS and w not in _GENERIC]
    if not distinctive:
        return False
    own = {stem(w) for w in distinctive}  # the same word, or one of its family ("register" / "registering")
    prefixes = {w[:6] for w in distinctive if len(w) >= 6}
    following = document.block_text(blocks[block.index + 1])[:300]
    if len(following.split()) < 8:
        return False  # another line of furniture, not a section's text
    end = re.search(r"[.!?](?:\s|$)", following)
    theirs = re.findall(r"[a-z]{4,}", following[:end.end() if end else None].lower())
    return any(stem(w) in own or (len(w) >= 6 and w[:6] in prefixes) for w in theirs)


def _tag_starts(body: str, start: int = 0):
    """Where a tag glued to the end of a line may start, from `start` on: after a sentence's end and the space
    that follows it, or with no space at all where a scraper joined two pieces of text ("... the vote.Share
    this article"): then the sentence ends in a letter, a number, a closing quotation mark or bracket or a
    percent sign ("the Scottish FA.Source: ...", "4%.Click here ...") and a capital or a bracket comes next
    (which a number's decimals never are: "3.5")."""
    for m in _SENTENCE_END.finditer(body, start):
        if m.group(1):
            yield m.end()
            continue
        before, after = body[m.start() - 1:m.start()], body[m.end():m.end() + 1]
        if (after and (before.isalnum() or before in "\"”’')%")
                and (after.isupper() or after in "([-—–©")):
            yield m.end()


def _copies(document) -> dict[int, int]:
    """Block index of each repeated paragraph -> block index of its first copy (see repeated-passage)."""
    from doclint.repeats import paragraph_matches
    paras = document.paragraphs
    matches = paragraph_matches(document)
    return {paras[j].index: paras[m.earlier].index for j, m in matches.items()}


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(a.lower(), b.lower()) >= 80


def _continues_sentence(rest: str) -> bool:
    """What follows a tag glued to a line's start goes on with a sentence begun before it: it opens with a word in
    lower case (a verb, "expects"), not with a capital, a figure or a quotation mark as a paragraph does."""
    word = rest.lstrip()[:1]
    return word.isalpha() and word.islower()


def _credit_tail(rest: str) -> bool:
    """What a tag leaves of a short line is more of the credit, not the article's text: a few words, no sentence
    end before the last, no full stop at all but a company's (`Doe on Unsplash`, `Smith; Editing by Tom Brown`,
    `Free Software Foundation, Inc. <https://fsf.org/>` after `Copyright (C) 2007`)."""
    words = rest.split()
    return 0 < len(words) <= 6 and not any(w.endswith((".", "!", "?")) and w.lower() not in _COMPANY for w in words)


_COMPANY = {"inc.", "ltd.", "co.", "corp.", "plc.", "llc.", "s.a.", "n.v.", "b.v.", "pty."}


def _describe(kind: str, cue: str) -> str:
    what = {"closed": "Source tag or prompt", "end": "Source tag", "credit": "Source or credit tag",
            "name": "Source or credit tag", "line": "Scraper leftover", "headline": "Teaser for another story"}[kind]
    return what + f" ({cue.rstrip(':').strip()[:30]})"


def _starts_sentence(token: str, head: list[str]) -> bool:
    """A capitalised function word ("The", "But") after a sentence-case headline starts the article's text."""
    sentence_case = any(t[:1].islower() for t in head[1:])
    word = token.strip("\"'“‘(")
    return sentence_case and token[:1].isupper() and word.lower() in STOP_WORDS and not _acronym(word)


_DANGLING = frozenset("a an the to of in on at for with from by and or as".split())
# Words of prose that headlines leave out (headlinese drops auxiliaries, pronouns and relative words): in 918 news
# headlines each of these occurs in at most 1.3%, in the first eight words of their paragraphs in 1-11%. (Not `the`:
# in 3% of headlines, and as costly to take as to leave.)
_PROSE = frozenset("is are was were been being has have had would will do does did that which who whom whose "
                   "while although because if said he she it they his her their its some".split())
_LONG, _SLACK = 1.0, 1  # each headline word beyond the document's own headline's length plus the slack costs _LONG
_NAME_WORD_COST = 0.6  # each word of a credit's source name after its first costs this much of its evidence


def _known_headline(tokens, limit: int, known) -> int | None:
    """Where the headline after a teaser's cue ends when it is, word for word, the headline of another document
    checked with this one (a site's teasers link to its own stories): the longest such, or None."""
    if not known:
        return None
    found, seen = None, []
    for _, end, token in tokens[:limit]:
        seen += words(token)
        if len(seen) >= 2 and " ".join(seen) in known:  # not a one-word "headline" such as "Results"
            found = end
    return found


def _usual_length(document) -> int:
    """How many words a teaser's headline may take before each more costs: one more than the document's own
    headline (a site links to its stories under headlines of its own style), or any number without one."""
    return document.analysis(_UsualLength)


class _UsualLength:
    @staticmethod
    def compute(document) -> int:
        own = next((b for b in document.blocks if b.kind == "headline"), None)
        count = len(document.block_text(own).split()) if own is not None else 0
        return max(5, count + _SLACK) if own is not None else 99


def _prose(head: list[str]) -> float:
    """How much a candidate headline reads as the paragraph's prose: its words of prose, a comma in it or ending
    it, a double quotation mark opening a word after its first (a quotation opens the paragraph)."""
    cost = 0.0
    for n, token in enumerate(head):
        word = token.strip("\"'“”‘’()[],.:;!?").lower()
        if word in _PROSE:
            cost += 2.0
        if "," in token:  # inside a headline, or ending it: "Japan, | South Korea and Singapore ..."
            cost += 2.0
        if n and token[:1] in "\"“":
            cost += 2.0
    return cost


def _splits_name(head: list[str], token: str) -> bool:
    """A sentence-case headline ending on a capitalised word before another: the cut falls inside a name (not
    before a name that a comma closes: "... northern Italy | Marin, who won ...")."""
    last, word = head[-1].strip("\"'“‘(),:"), token.strip("\"'“‘(),:")
    sentence_case = len(head) > 1 and any(t[:1].islower() for t in head[1:])
    return (sentence_case and not token.endswith(",") and last[:1].isupper() and word[:1].isupper()
            and last.lower() not in STOP_WORDS and word.lower() not in STOP_WORDS)


# Titles and roles written before a name: "Governor Elena Varga", "Finance Minister Sue Essex".
_ROLES = frozenset("""governor minister president chancellor secretary mp mep senator mayor judge chief director professor
prof dr mr mrs ms sir lord lady king queen prince princess general captain coach manager chairman chairwoman chair
spokesman spokeswoman spokesperson leader ambassador commissioner inspector detective officer sergeant councillor
bishop archbishop pope premier envoy striker midfielder defender goalkeeper keeper winger skipper""".split())
_SPEECH = frozenset("said says told added announced warned explained insisted claimed argued stated noted".split())
_SUBJECT_VERBS = _SPEECH | frozenset("has had have is was will would could can may might must".split())


def _names_subject(tokens: list[str]) -> bool:
    """The capitalised words that open `tokens` are a clause's subject: a speech verb or an auxiliary follows them
    ("Gordon Brown said", "Tony Blair has promised"), so they hold a name that a cut before the last of them
    would split. Capitalised words followed by anything else ("Tuition fees ...", "Reports that ...") may as well
    open the paragraph right after a headline that ends on a name."""
    for n, token in enumerate(tokens[:8]):
        if not token[:1].isupper():
            return n > 0 and token.lower().strip(",.:;") in _SUBJECT_VERBS
        if token.endswith(","):
            return False
    return False


def _attributed_subject(tokens: list[str]) -> tuple[tuple[int, ...], int | None]:
    """Where the subject of a speech verb near the start begins, when it is a role written in lower case after a
    capitalised first word, then a name: "Grain grower Anna Brandt said", "Council leader Maria Okafor said",
    "Shadow chancellor Oliver Letwin said". A headline glued before a paragraph that opens so ends at the role's
    first word (its lower-case words are no headline's, and the name is no headline's end). A capitalised role
    right before the name ("Labour MP Jane Smith", "Governor Elena Varga") tells nothing of where it begins: ().
    Also returns where the name's last word is (a headline never ends between the two, and a source's name
    after a credit's cue ends before the speaker's), or None."""
    verb = next((n for n, t in enumerate(tokens[:24]) if t.lower() in _SPEECH), None)
    if (verb is None or verb < 4 or not (_capitalised(tokens[verb - 1]) and _capitalised(tokens[verb - 2]))
            or tokens[verb - 2].lower() in _MASTHEAD_ENDS or _WIRE.fullmatch(tokens[verb - 2])):
        return (), None  # a person's name: "Anna Brandt" (not "Analysts said", which a headline's words may precede)
    name = verb - 2
    for k in range(1, 4):
        n = name - k
        if n < 1:
            break
        word = tokens[n]
        if _capitalised(word):
            return ((n,) if k >= 2 else ()), verb - 1
        if not word.isalpha() or word.lower() in STOP_WORDS:
            break
    return (), verb - 1


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token.isalpha() and token.lower() not in STOP_WORDS


def _resumes(token: str, head: list[str], vocab: set[str]) -> bool:
    word = token.strip("\"'“‘(")
    return (any(t[:1].islower() for t in head[1:]) and token[:1].isupper() and word.isalpha()
            and not _acronym(word) and stem(word.lower()) in vocab)


def _acronym(word: str) -> bool:
    """"US", "IT": a country, a trade, not the words "us" and "it"."""
    return len(word) > 1 and word.isupper()


def _ends_sentence(token: str) -> bool:
    return token.endswith((".", "!", "?", ";")) and not token.endswith("...")


def _name_word(token: str) -> bool:
    t = token.strip("()[],;:")
    return bool(t) and (t[:1].isupper() or t[:1].isdigit() or t.lower() in _CONNECTORS or t.lower() in _AGENCY_WORDS)


def _name_like(head: list[str]) -> bool:
    """Words of a source's name; the last may close the sentence with a full stop ("Source: Reuters.")."""
    return all(_name_word(t) for t in head) and not head[-1].endswith(("!", "?", ";", "..."))


def _vocabulary(document) -> set[str]:
    """Stems of the document's words, counted over paragraphs: a word must occur in two to count."""
    return document.analysis(_Vocabulary)


class _Vocabulary:
    @staticmethod
    def compute(document) -> set[str]:
        from collections import Counter

        counts: Counter[str] = Counter()
        for block in document.blocks:
            counts.update({stem(w) for w in re.findall(r"[^\W\d_][\w'’-]*", document.block_text(block).lower())})
        return {w for w, c in counts.items() if c >= 2}


def _novelty(head: list[str], vocab: set[str]) -> float:
    """+1 for each content word the rest of the document never uses, -1 for each it does."""
    score = 0.0
    for token in head:
        word = token.strip("\"'“”‘’()[],.:;!?").lower()
        if not word or word in STOP_WORDS or not any(c.isalpha() for c in word):
            continue
        score += -1.0 if stem(word) in vocab else 1.0
    return score
