package disclosure

// Channel is how an application reached the office. It decides which day
// is the day of receipt (R11), from which the reply deadline counts.
// 《中华人民共和国政府信息公开条例》(2019) 第三十一条:
//
//	行政机关收到政府信息公开申请的时间，按照下列规定确定：
//	（一）申请人当面提交政府信息公开申请的，以提交之日为收到申请之日；
//	（二）申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日；
//	以平常信函等无需签收的邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当
//	于收到申请的当日与申请人确认，确认之日为收到申请之日；
//	（三）申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，
//	以双方确认之日为收到申请之日。
//
// A receipt date that is not a working day stays what it is: it is not
// rolled forward to the next working day. Neither 第三十一条 nor the
// earlier explanation of the State Council's disclosure office
// (国办公开办函〔2015〕207号, part 一 on "收到信息公开申请"的时点) moves it;
// they only say which event fixes the day. The period of 第三十三条
// ("自收到申请之日起20个工作日内") counts working days and leaves out the
// day of receipt itself (Compute), so a request received on a Saturday or
// a holiday starts counting on the next working day anyway, while a
// make-up working Saturday (调休上班, e.g. 2026-10-10) is a working day like
// any other. Commentators note the 条例 has no explicit rule for
// non-working days; should a local rule (or the office's own published
// rule for its online channel, 207号 一.5) say otherwise, that is an
// office's choice to record as the receipt date, not a computation here.
type Channel string

// The channels of 第三十一条, and the hall's kiosk.
const (
	// ChannelInPerson (当面提交): （一）以提交之日为收到申请之日 — the day the
	// applicant handed the application in.
	ChannelInPerson Channel = "in_person"
	// ChannelPost (邮寄, signed for): （二）以行政机关签收之日为收到申请之日 —
	// the day the office signed for the item.
	ChannelPost Channel = "post"
	// ChannelLetter (平常信函, no signature): （二）政府信息公开工作机构应当于收到
	// 申请的当日与申请人确认，确认之日为收到申请之日 — the day the office
	// confirmed receipt with the applicant.
	ChannelLetter Channel = "letter"
	// ChannelOnline (互联网渠道): （三）以双方确认之日为收到申请之日 — the day
	// both sides confirmed.
	ChannelOnline Channel = "online"
	// ChannelFax (传真): （三）以双方确认之日为收到申请之日 — the day both
	// sides confirmed.
	ChannelFax Channel = "fax"
	// ChannelKiosk (自助终端): the hall's own kiosk. The applicant submits in
	// the office's hall and is given the tracking number on the screen at
	// once, which is both the handing-in of （一） and the confirmation by
	// both sides of （三）: the request is received the day it is submitted.
	// Only the kiosk path (Submit) records it; staff never register it.
	ChannelKiosk Channel = "kiosk"
)

// StaffChannels are the channels staff register requests from (Register).
var StaffChannels = []Channel{ChannelInPerson, ChannelPost, ChannelLetter, ChannelOnline, ChannelFax}

// staffChannel reports whether staff may register a request from ch.
func staffChannel(ch Channel) bool {
	for _, c := range StaffChannels {
		if c == ch {
			return true
		}
	}
	return false
}

func channelNames(list []Channel) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = string(c)
	}
	return out
}
