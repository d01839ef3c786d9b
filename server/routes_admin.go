package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
)

// Roles that routes need, for readability of the table below.
const (
	anyUser  = auth.Role("") // any logged-in account
	admin    = auth.RoleAdmin
	editor   = auth.RoleEditor
	reviewer = auth.RoleReviewer
)

// adminRoutes declares the admin surface: the JSON API under /api/admin
// (session cookie + CSRF + a role on every route) and the admin pages.
func (a *App) adminRoutes(e *echo.Echo) {
	api := a.adminGroup(e)
	api.open(http.MethodPost, "/login", a.Auth.HandleLogin)
	api.passwordChange(http.MethodPost, "/logout", a.Auth.HandleLogout)
	api.passwordChange(http.MethodGet, "/me", a.Auth.HandleMe)
	api.passwordChange(http.MethodPost, "/me/password", a.Auth.HandleChangeOwnPassword)

	api.add(http.MethodGet, "/users", admin, a.Auth.HandleListUsers)
	api.add(http.MethodPost, "/users", admin, a.Auth.HandleCreateUser)
	api.add(http.MethodPatch, "/users/:id", admin, a.Auth.HandleUpdateUser)
	api.add(http.MethodPost, "/users/:id/password", admin, a.Auth.HandleResetPassword)
	api.add(http.MethodPost, "/users/:id/unlock", admin, a.Auth.HandleUnlock)

	api.add(http.MethodGet, "/audit", admin, audit.Handler{DB: a.DB}.HandleList)

	api.add(http.MethodGet, "/devices", admin, a.Devices.HandleList)
	api.add(http.MethodPost, "/devices/pair", admin, a.Devices.HandleAdminPair)
	api.add(http.MethodPatch, "/devices/:id", admin, a.Devices.HandleRename)
	api.add(http.MethodPost, "/devices/:id/revoke", admin, a.Devices.HandleRevoke)

	api.add(http.MethodGet, "/emergencies", admin, a.Emergencies.HandleList)
	api.add(http.MethodPost, "/emergencies", admin, a.Emergencies.HandleSend)
	api.add(http.MethodGet, "/emergencies/:id", admin, a.Emergencies.HandleGet)
	api.add(http.MethodPost, "/emergencies/:id/clear", admin, a.Emergencies.HandleClear)

	api.add(http.MethodGet, "/jobs", admin, a.Scheduler.HandleList)
	api.add(http.MethodPost, "/jobs/check", admin, a.Scheduler.HandleCheck)
	api.add(http.MethodPut, "/jobs/:name", admin, a.Scheduler.HandleSetSchedule)
	api.add(http.MethodPost, "/jobs/:name/run", admin, a.Scheduler.HandleRunNow)
	api.add(http.MethodGet, "/jobs/:name/runs", admin, a.Scheduler.HandleRuns)

	api.add(http.MethodGet, "/feeds", admin, a.Feeds.HandleList)
	api.add(http.MethodPost, "/feeds", admin, a.Feeds.HandleCreate)
	api.add(http.MethodPut, "/feeds/:id", admin, a.Feeds.HandleUpdate)
	api.add(http.MethodDelete, "/feeds/:id", admin, a.Feeds.HandleDelete)
	api.add(http.MethodPost, "/feeds/:id/check", admin, a.Feeds.HandleCheck)

	// Screens (server/app_display.go): groups are read by everyone who
	// targets notices; what plays when is readable by editors.
	dp := a.Display
	api.add(http.MethodGet, "/screen-groups", anyUser, dp.HandleGroups)
	api.add(http.MethodPost, "/screen-groups", admin, dp.HandleCreateGroup)
	api.add(http.MethodPut, "/screen-groups/:id", admin, dp.HandleUpdateGroup)
	api.add(http.MethodDelete, "/screen-groups/:id", admin, dp.HandleDeleteGroup)
	api.add(http.MethodGet, "/screens", admin, dp.HandleScreens)
	api.add(http.MethodPost, "/screens/pair", admin, dp.HandlePair)
	api.add(http.MethodPut, "/screens/:id", admin, dp.HandleUpdateScreen)
	api.add(http.MethodGet, "/screens/:id/playlist", admin, dp.HandleScreenPlaylist)
	api.add(http.MethodGet, "/screens/playlists", admin, dp.HandlePlaylists)
	api.add(http.MethodPost, "/screens/playlists", admin, dp.HandleSavePlaylist)
	api.add(http.MethodPut, "/screens/playlists/:id", admin, dp.HandleSavePlaylist)
	api.add(http.MethodDelete, "/screens/playlists/:id", admin, dp.HandleDeletePlaylist)
	api.add(http.MethodGet, "/screens/schedules", admin, dp.HandleSchedules)
	api.add(http.MethodPost, "/screens/schedules", admin, dp.HandleSaveSchedule)
	api.add(http.MethodPut, "/screens/schedules/:id", admin, dp.HandleSaveSchedule)
	api.add(http.MethodDelete, "/screens/schedules/:id", admin, dp.HandleDeleteSchedule)
	api.add(http.MethodPost, "/screens/power", admin, dp.HandleSavePower)
	api.add(http.MethodPut, "/screens/power/:id", admin, dp.HandleSavePower)
	api.add(http.MethodDelete, "/screens/power/:id", admin, dp.HandleDeletePower)
	api.add(http.MethodGet, "/screens/plays", editor, dp.HandlePlays)
	api.add(http.MethodGet, "/screens/timeline", editor, dp.HandleTimeline)
	// Screen status and proof of play (server/app_monitor.go).
	api.add(http.MethodGet, "/screens/status", admin, a.ScreenStatus.HandleList)
	api.add(http.MethodGet, "/proof", editor, a.Proof.HandleReport)
	api.add(http.MethodGet, "/proof.xlsx", editor, a.Proof.HandleXLSX)

	// Ratings, suggestions and disclosure requests are handled by editors
	// (the staff who answer the public); admins see everything.
	api.add(http.MethodGet, "/kiosk/summary", editor, a.handleKioskSummary)
	api.add(http.MethodGet, "/due", editor, a.handleDue)
	api.add(http.MethodGet, "/ratings", editor, a.Ratings.HandleList)
	api.add(http.MethodGet, "/ratings/stats", editor, a.Ratings.HandleStats)
	api.add(http.MethodPost, "/ratings/followups/:id/assign", editor, a.Ratings.HandleAssign)
	api.add(http.MethodPost, "/ratings/followups/:id/close", editor, a.Ratings.HandleClose)
	api.add(http.MethodGet, "/suggestions", editor, a.Suggestions.HandleList)
	api.add(http.MethodPost, "/suggestions/:id/assign", editor, a.Suggestions.HandleAssign)
	api.add(http.MethodPost, "/suggestions/:id/reply", editor, a.Suggestions.HandleReply)
	api.add(http.MethodPost, "/suggestions/:id/close", editor, a.Suggestions.HandleClose)
	api.add(http.MethodGet, "/disclosure/outcomes", editor, a.Disclosure.HandleOutcomes)
	api.add(http.MethodGet, "/disclosure/summary", editor, a.Disclosure.HandleSummary)
	api.add(http.MethodGet, "/disclosure/requests", editor, a.Disclosure.HandleList)
	api.add(http.MethodPost, "/disclosure/requests", editor, a.Disclosure.HandleRegister) // JSON, or multipart with a scan
	api.add(http.MethodGet, "/disclosure/requests/:id", editor, a.Disclosure.HandleGet)
	api.add(http.MethodGet, "/disclosure/requests/:id/scan", editor, a.Disclosure.HandleScan)
	api.add(http.MethodPost, "/disclosure/requests/:id/received", editor, a.Disclosure.HandleCorrectReceipt)
	api.add(http.MethodPost, "/disclosure/requests/:id/events", editor, a.Disclosure.HandleAct)
	api.add(http.MethodPost, "/disclosure/requests/:id/assign", editor, a.Disclosure.HandleAssign)
	api.add(http.MethodGet, "/assignees", editor, a.handleAssignees)

	api.add(http.MethodGet, "/settings", admin, a.Settings.HandleList)
	api.add(http.MethodPut, "/settings/:key", admin, a.Settings.HandleSet)

	// Alerts (server/app_alert.go): channels, recipient groups, rules,
	// the open alerts and the delivery log.
	al := a.Alerts
	api.add(http.MethodGet, "/alerts/channels", admin, al.HandleChannels)
	api.add(http.MethodPost, "/alerts/channels", admin, al.HandleSaveChannel)
	api.add(http.MethodPut, "/alerts/channels/:id", admin, al.HandleSaveChannel)
	api.add(http.MethodDelete, "/alerts/channels/:id", admin, al.HandleDeleteChannel)
	api.add(http.MethodPost, "/alerts/channels/:id/test", admin, al.HandleTestChannel)
	api.add(http.MethodGet, "/alerts/groups", admin, al.HandleGroups)
	api.add(http.MethodPost, "/alerts/groups", admin, al.HandleSaveGroup)
	api.add(http.MethodPut, "/alerts/groups/:id", admin, al.HandleSaveGroup)
	api.add(http.MethodDelete, "/alerts/groups/:id", admin, al.HandleDeleteGroup)
	api.add(http.MethodGet, "/alerts/rules", admin, al.HandleRules)
	api.add(http.MethodPost, "/alerts/rules", admin, al.HandleSaveRule)
	api.add(http.MethodPut, "/alerts/rules/:id", admin, al.HandleSaveRule)
	api.add(http.MethodDelete, "/alerts/rules/:id", admin, al.HandleDeleteRule)
	api.add(http.MethodGet, "/alerts/active", admin, al.HandleStates)
	api.add(http.MethodGet, "/alerts/messages", admin, al.HandleMessages)
	api.add(http.MethodGet, "/alerts/messages/:id", admin, al.HandleMessage)

	n := a.Notices
	api.add(http.MethodGet, "/notices", anyUser, n.HandleList)
	api.add(http.MethodPost, "/notices", editor, n.HandleCreate)
	api.add(http.MethodPost, "/notices/scan", anyUser, n.HandleScan)
	api.add(http.MethodPost, "/notices/preview", anyUser, n.HandlePreview)
	api.add(http.MethodGet, "/notices/:id", anyUser, n.HandleGet)
	api.add(http.MethodPut, "/notices/:id", editor, n.HandleSave)
	api.add(http.MethodGet, "/notices/:id/versions", anyUser, n.HandleVersions)
	api.add(http.MethodPost, "/notices/:id/submit", editor, n.HandleSubmit)
	api.add(http.MethodPost, "/notices/:id/recall", editor, n.HandleRecall)
	api.add(http.MethodPost, "/notices/:id/mask", anyUser, n.HandleMask) // the author on a draft, a reviewer in review
	api.add(http.MethodPost, "/notices/:id/approve", reviewer, n.HandleApprove)
	api.add(http.MethodPost, "/notices/:id/refuse", reviewer, n.HandleRefuse)
	api.add(http.MethodPost, "/notices/:id/refer", reviewer, n.HandleRefer)
	api.add(http.MethodPost, "/notices/:id/confirm-keep", admin, n.HandleConfirmKeep) // a second admin, not the reviewer
	api.add(http.MethodPost, "/notices/:id/reject-keep", admin, n.HandleRejectKeep)
	api.add(http.MethodPost, "/notices/:id/withdraw", admin, n.HandleWithdraw)
	api.add(http.MethodGet, "/review", reviewer, n.HandleQueue)
	api.add(http.MethodPost, "/uploads", editor, n.HandleUpload)
	api.add(http.MethodGet, "/attachments/:id", anyUser, n.HandleAdminFile)
	api.add(http.MethodGet, "/stats", anyUser, n.HandleStats)
	api.add(http.MethodGet, "/stats.xlsx", anyUser, n.HandleStatsXLSX)
	api.add(http.MethodGet, "/stats/daily", anyUser, a.Stats.HandleDaily)

	api.add(http.MethodGet, "/categories", anyUser, a.Catalogue.HandleTree)
	api.add(http.MethodPost, "/categories", admin, a.Catalogue.HandleCreate)
	api.add(http.MethodPut, "/categories/:id", admin, a.Catalogue.HandleUpdate)
	api.add(http.MethodDelete, "/categories/:id", admin, a.Catalogue.HandleDelete)

	cal := a.Calendar
	api.add(http.MethodGet, "/calendar", anyUser, cal.HandleYears)
	api.add(http.MethodGet, "/calendar/compute", anyUser, cal.HandleCompute)
	api.add(http.MethodGet, "/calendar/status", anyUser, cal.HandleStatus)
	api.add(http.MethodGet, "/calendar/:year", anyUser, cal.HandleYear)
	api.add(http.MethodPost, "/calendar/import", admin, cal.HandleImport)
	api.add(http.MethodDelete, "/calendar/:year", admin, cal.HandleDeleteYear)
	api.add(http.MethodPut, "/calendar/days/:date", admin, cal.HandleSetDay)
	api.add(http.MethodDelete, "/calendar/days/:date", admin, cal.HandleDeleteDay)
	ar := a.Archive
	api.add(http.MethodGet, "/archive/datasets", admin, ar.HandleListDatasets)
	api.add(http.MethodPost, "/archive/datasets", admin, ar.HandleCreateDataset)
	api.add(http.MethodGet, "/archive/datasets/:id", admin, ar.HandleGetDataset)
	api.add(http.MethodPut, "/archive/datasets/:id", admin, ar.HandleUpdateDataset)
	api.add(http.MethodDelete, "/archive/datasets/:id", admin, ar.HandleDeleteDataset)
	api.add(http.MethodPost, "/archive/datasets/:id/imports", admin, ar.HandleUpload)
	api.add(http.MethodPost, "/archive/datasets/:id/lookup", admin, ar.HandleTestLookup)
	api.add(http.MethodGet, "/archive/imports", admin, ar.HandleListImports)
	api.add(http.MethodGet, "/archive/imports/:id", admin, ar.HandleGetImport)
	api.add(http.MethodPost, "/archive/imports/:id/cancel", admin, ar.HandleCancelImport)
	api.add(http.MethodGet, "/archive/usage", admin, ar.HandleUsage)
	api.add(http.MethodGet, "/archive/queries", admin, ar.HandleQueries)
	api.add(http.MethodGet, "/archive/kiosks", admin, ar.HandleKiosks)
	api.add(http.MethodPost, "/archive/kiosks/:kiosk/unlock", admin, ar.HandleUnlockKiosk)
	api.add(http.MethodPost, "/archive/locks/unlock", admin, ar.HandleUnlock)

	pages := e.Group("/admin", a.csrf())
	pages.GET("", func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, "/admin/") })
	pages.GET("/", a.page("admin/index.html"))
	pages.GET("/:page", a.adminPage)
}

// adminPage serves /admin/<name> from static/admin/<name>.html.
func (a *App) adminPage(c echo.Context) error {
	return a.page("admin/" + c.Param("page") + ".html")(c)
}
