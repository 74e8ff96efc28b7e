#!/usr/bin/env python3
"""Share of analysed articles whose cleaned text still holds a line of site chrome.

usage: tools/chrome_residue.py ANALYSES.jsonl [--show N]

The patterns below were compiled by reading 200 random SaudiNewsNet articles
(seed 11) and the seed pages: wire end markers, SMS/contact prompts, e-mail
addresses and handles alone on a line, clock-time stamps, tag lists, bylines
"name – outlet", wire datelines, "read more" links, share prompts. A line counts
when it matches one of them as a whole line (after trimming).
"""
import json, re, sys

PATTERNS = [
    r'^/+\s*(انتهى|يتبع)\s*/+$', r'^\(?(انتهى|يتبع)\)?$',
    r'^للتواصل', r'^لمراسلة الكاتب', r'ارسل رسالة sms', r'^\d+\s*-\s*(stc|mobily|zain)$',
    r'^\S+@\S+$', r'^t?:?@\w+$', r'^https?://\S+$',
    r'^\d{1,2}:\d{2}\s*(ت م|ص|م|am|pm)?$',
    r'^سمات\s', r'^(الوسوم|كلمات مفتاحية)\s*:',
    r'^[^\s.،]+( [^\s.،]+){0,3}\s*[–-]\s*(عين اليوم|متابعات|فريق التحرير|واس)$',
    r'\d+ شوال \d+ هـ الموافق',
    r'^(\.\.\.)?المزيد$', r'^(اقرأ|أقرأ|إقرأ) (أيضا|أيضاً|ايضا)', r'^مقالات ذات صلة$',
    r'^(شارك|مشاركة)( هذا المقال| الخبر)?:?$', r'^زر الذهاب إلى الأعلى$',
]
RX = [re.compile(p, re.IGNORECASE) for p in PATTERNS]

def main():
    show = int(sys.argv[sys.argv.index('--show') + 1]) if '--show' in sys.argv else 0
    n = bad = 0
    for line in open(sys.argv[1], encoding='utf-8'):
        if not line.strip():
            continue
        a = json.loads(line)
        n += 1
        hits = [l for l in a.get('text', '').split('\n') if any(r.search(l.strip()) for r in RX)]
        if hits:
            bad += 1
            if show > 0:
                print(f"  {a['id']}: {hits[0][:90]}")
                show -= 1
    print(f"articles {n}  with chrome left {bad}  share {bad / max(1, n):.4f}")

if __name__ == '__main__':
    main()
