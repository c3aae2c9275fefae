package sheet

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/journeymap/journeymap/channel"
	"github.com/journeymap/journeymap/docerr"
	"github.com/journeymap/journeymap/i18n"
	"github.com/journeymap/journeymap/journey"
	"github.com/journeymap/journeymap/painpoint"
	"github.com/journeymap/journeymap/touchpoint"
)

// unneutralise removes the "'" the CSV renderer puts before a cell a
// spreadsheet would read as a formula (one starting with = + - @, a tab or a
// carriage return) or whose own "'" would be taken for that mark (one
// starting with "'" and one of those, or "”"). Any other leading "'" is
// the user's own and stays.
func unneutralise(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r', '\'':
			return s[1:]
		}
	}
	return s
}

// normalizeValue folds an enumeration cell: trimmed, lower case without
// Vietnamese diacritics, spaces and "-" as "_", so "Before purchase" and
// "before-purchase" read as before_purchase, "Tài chính" as "tai_chinh".
func normalizeValue(s string) string {
	s = fold(strings.TrimSpace(s))
	s = strings.Join(strings.Fields(s), "_")
	return strings.ReplaceAll(s, "-", "_")
}

// lookup maps a normalised cell to its enum value, trying the document
// values first, then the aliases.
func lookup[E ~string](values []E, alias map[string]E, cell string) (E, bool) {
	for _, v := range values {
		if string(v) == cell {
			return v, true // the common case: the document value itself
		}
	}
	n := normalizeValue(cell)
	for _, v := range values {
		if string(v) == n {
			return v, true
		}
	}
	v, ok := alias[n]
	return v, ok
}

// aliasConflicts lists aliases that fold to the same key with different
// values (a mistake in the tables above; a test keeps it empty).
var aliasConflicts []string

// aliasMap returns m with its keys folded by normalizeValue.
func aliasMap[E ~string](m map[string]E) map[string]E {
	out := make(map[string]E, len(m))
	for k, v := range m {
		n := normalizeValue(k)
		if prev, ok := out[n]; ok && prev != v {
			aliasConflicts = append(aliasConflicts, fmt.Sprintf("%q: %s or %s", k, prev, v))
		}
		out[n] = v
	}
	return out
}

// withWords adds the printed words of each value to the aliases.
func withWords[E ~string](words map[E][]string, extra map[string]E) map[string]E {
	m := make(map[string]E, len(extra)+4*len(words))
	for v, ws := range words {
		for _, w := range ws {
			m[w] = v
		}
	}
	for k, v := range extra {
		m[k] = v
	}
	return aliasMap(m)
}

var phaseAliases = withWords(printed.Phases, map[string]journey.Phase{
	"before": journey.BeforePurchase, "during": journey.DuringPurchase, "after": journey.AfterPurchase,
	"pre-purchase": journey.BeforePurchase, "post-purchase": journey.AfterPurchase,
	"trước khi mua": journey.BeforePurchase, "trước": journey.BeforePurchase,
	"trong khi mua": journey.DuringPurchase, "trong": journey.DuringPurchase,
	"khi mua hàng": journey.DuringPurchase,
	"sau khi mua":  journey.AfterPurchase, "sau": journey.AfterPurchase,
})

// channelAliases: the printed words, common short forms in both languages,
// and brand names people write in a channel column, mapped to what they
// are: social networks and video sites (Facebook, Zalo, TikTok, Instagram,
// YouTube, LinkedIn, Twitter, Threads, Pinterest) social_media; shopping
// platforms (Shopee, Lazada, Tiki, Sendo, Amazon, eBay, TikTok Shop,
// Alibaba) marketplace; search engines (Google, Bing, Cốc Cốc) search; ad
// networks (Google Ads, Facebook Ads, TikTok Ads, Zalo Ads) online_ads; chat
// apps (Messenger, WhatsApp, Telegram, Viber, Zalo OA) chat; review sites
// (TripAdvisor, Foody, Yelp, Trustpilot) review_site.
var channelAliases = withWords(printed.Channels, map[string]channel.Channel{
	"web": channel.Website, "trang web": channel.Website, "website": channel.Website,
	"app": channel.MobileApp, "mobile": channel.MobileApp, "ứng dụng": channel.MobileApp, "ứng dụng di động": channel.MobileApp,
	"e-mail": channel.Email, "thư điện tử": channel.Email,
	"tin nhắn": channel.SMS, "tin nhắn sms": channel.SMS,
	"live chat": channel.Chat, "nhắn tin": channel.Chat,
	"điện thoại": channel.Phone, "hotline": channel.Phone, "call centre": channel.Phone, "call center": channel.Phone,
	"tổng đài": channel.Phone,
	"social":   channel.SocialMedia, "mạng xã hội": channel.SocialMedia,
	"tìm kiếm": channel.Search,
	"ads":      channel.OnlineAds, "quảng cáo trực tuyến": channel.OnlineAds, "quảng cáo": channel.OnlineAds,
	"reviews": channel.ReviewSite, "trang đánh giá": channel.ReviewSite,
	"sàn thương mại điện tử": channel.Marketplace, "sàn tmđt": channel.Marketplace,
	"cửa hàng": channel.Store, "shop": channel.Store,
	"sự kiện": channel.Event,
	"in ấn":   channel.Print, "ấn phẩm": channel.Print,
	"thư trực tiếp": channel.DirectMail,
	"truyền miệng":  channel.WordOfMouth,
	"đối tác":       channel.Partner,
	"nhân viên":     channel.Staff,
	"khác":          channel.Other, "kênh khác": channel.Other, // as the analysis writes it in a sentence

	// Brands, in any letter case.
	"facebook": channel.SocialMedia, "zalo": channel.SocialMedia, "tiktok": channel.SocialMedia,
	"instagram": channel.SocialMedia, "youtube": channel.SocialMedia, "linkedin": channel.SocialMedia,
	"twitter": channel.SocialMedia, "x (twitter)": channel.SocialMedia, "threads": channel.SocialMedia,
	"pinterest": channel.SocialMedia,
	"shopee":    channel.Marketplace, "lazada": channel.Marketplace, "tiki": channel.Marketplace,
	"sendo": channel.Marketplace, "amazon": channel.Marketplace, "ebay": channel.Marketplace,
	"tiktok shop": channel.Marketplace, "alibaba": channel.Marketplace,
	"google": channel.Search, "bing": channel.Search, "cốc cốc": channel.Search, "coccoc": channel.Search,
	"google ads": channel.OnlineAds, "facebook ads": channel.OnlineAds, "tiktok ads": channel.OnlineAds,
	"zalo ads":  channel.OnlineAds,
	"messenger": channel.Chat, "whatsapp": channel.Chat, "telegram": channel.Chat, "viber": channel.Chat,
	"zalo oa":     channel.Chat,
	"tripadvisor": channel.ReviewSite, "foody": channel.ReviewSite, "yelp": channel.ReviewSite,
	"trustpilot": channel.ReviewSite,
})

var modeAliases = withWords(printed.Modes, map[string]channel.Mode{
	"trực tuyến": channel.Online, "ngoại tuyến": channel.Offline, "trực tiếp": channel.Offline,
})

var initiatorAliases = withWords(printed.Initiators, map[string]touchpoint.Initiator{
	"khách hàng":   touchpoint.ByCustomer,
	"doanh nghiệp": touchpoint.ByCompany, "công ty": touchpoint.ByCompany, "brand": touchpoint.ByCompany,
	"bên thứ ba": touchpoint.ByThirdParty, "third party": touchpoint.ByThirdParty,
})

var categoryAliases = withWords(printed.Categories, map[string]painpoint.Category{
	"tài chính": painpoint.Financial,
	"năng suất": painpoint.Productivity,
	"quy trình": painpoint.Process,
	"hỗ trợ":    painpoint.Support,
})

var severityAliases = withWords(printed.Severities, map[string]painpoint.Severity{
	"thấp": painpoint.Low, "trung bình": painpoint.Medium, "cao": painpoint.High,
	"nghiêm trọng": painpoint.Critical, "rất cao": painpoint.Critical,
})

// parseEmotion reads an emotion score: a plain number in -2..2. A decimal
// comma ("-1,5", as Vietnamese Excel writes it) and the Unicode minus sign
// are accepted. A problem is returned as an *Error without line and column.
func parseEmotion(cell string) (float64, *emotionProblem) {
	s := strings.TrimSpace(cell)
	s = strings.Replace(s, "\u2212", "-", 1)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, &emotionProblem{Err: docerr.ErrType, cell: cell}
	}
	if f < touchpoint.MinEmotion || f > touchpoint.MaxEmotion {
		return 0, &emotionProblem{Err: docerr.ErrRange, cell: cell, value: f}
	}
	return f, nil
}

// emotionProblem is a bad emotion cell: not a number (docerr.ErrType) or
// a number out of range (docerr.ErrRange).
type emotionProblem struct {
	Err   error
	cell  string
	value float64
}

// detail says the problem in w's words.
func (p *emotionProblem) detail(w *i18n.ImportWords) string {
	if p.Err == docerr.ErrRange {
		return w.OutOfRange(p.value)
	}
	return w.NotNumber(p.cell)
}

// splitList splits a multi-valued cell into its items, one per line ("\n",
// "\r\n" or "\r"), kept as written; blank lines are not items.
func splitList(cell string) []string {
	var out []string
	cell = strings.ReplaceAll(cell, "\r\n", "\n")
	cell = strings.ReplaceAll(cell, "\r", "\n")
	for line := range strings.SplitSeq(cell, "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}
