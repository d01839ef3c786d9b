// Command pinyindict builds the kiosk's offline pinyin dictionary
// (static/kiosk/vendor/pinyin/dict.json) from pinyin_simp.dict.yaml, the
// Rime "pinyin_simp" dictionary derived from the Android Pinyin IME
// (Apache License 2.0), as shipped by Debian's rime-data-pinyin-simp:
//
//	apt-get download rime-data-pinyin-simp && dpkg-deb -x rime-data-pinyin-simp_*.deb x
//	go run ./tools/pinyindict x/usr/share/rime-data/pinyin_simp.dict.yaml > static/kiosk/vendor/pinyin/dict.json
//
// The output keeps, per syllable, its characters by weight, and the
// common words of two to four characters keyed by their toneless pinyin
// without spaces ("dibao"), best first.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	charsPerSyllable = 40  // candidates kept per syllable
	minCharWeight    = 10  // rarer characters are left out
	minWordWeight    = 250 // rarer words are left out
	wordsPerKey      = 8
)

type entry struct {
	text   string
	weight int
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pinyindict pinyin_simp.dict.yaml > dict.json")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	chars := map[string][]entry{}
	words := map[string][]entry{}
	sc := bufio.NewScanner(f)
	body := false
	for sc.Scan() {
		line := sc.Text()
		if line == "..." {
			body = true
			continue
		}
		parts := strings.Split(line, "\t")
		if !body || len(parts) != 3 {
			continue
		}
		w, err := strconv.Atoi(parts[2])
		if err != nil {
			continue
		}
		n := utf8.RuneCountInString(parts[0])
		switch {
		case n == 1 && w >= minCharWeight:
			chars[parts[1]] = append(chars[parts[1]], entry{parts[0], w})
		case n >= 2 && n <= 4 && w >= minWordWeight:
			key := strings.ReplaceAll(parts[1], " ", "")
			words[key] = append(words[key], entry{parts[0], w})
		}
	}
	out := struct {
		Chars map[string]string   `json:"chars"`
		Words map[string][]string `json:"words"`
	}{map[string]string{}, map[string][]string{}}
	for k, es := range chars {
		sort.SliceStable(es, func(i, j int) bool { return es[i].weight > es[j].weight })
		var b strings.Builder
		for i, e := range es {
			if i == charsPerSyllable {
				break
			}
			b.WriteString(e.text)
		}
		out.Chars[k] = b.String()
	}
	for k, es := range words {
		sort.SliceStable(es, func(i, j int) bool { return es[i].weight > es[j].weight })
		for i, e := range es {
			if i == wordsPerKey {
				break
			}
			out.Words[k] = append(out.Words[k], e.text)
		}
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
