package notice

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// step is a workflow action on one notice.
type step func(ctx context.Context, who Who, id int64) (*Detail, error)

func (s *Service) handleStep(c echo.Context, f step) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	d, err := f(c.Request().Context(), WhoOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// decision binds a Decision and runs f with it.
func (s *Service) handleDecision(c echo.Context, f func(context.Context, Who, int64, Decision) (*Detail, error)) error {
	var d Decision
	if err := web.Bind(c, &d); err != nil {
		return err
	}
	return s.handleStep(c, func(ctx context.Context, who Who, id int64) (*Detail, error) { return f(ctx, who, id, d) })
}

// HandleSubmit is POST /api/admin/notices/:id/submit.
func (s *Service) HandleSubmit(c echo.Context) error { return s.handleStep(c, s.Submit) }

// HandleRecall is POST /api/admin/notices/:id/recall.
func (s *Service) HandleRecall(c echo.Context) error { return s.handleStep(c, s.Recall) }

// HandleMask is POST /api/admin/notices/:id/mask: one-click masking.
func (s *Service) HandleMask(c echo.Context) error { return s.handleStep(c, s.Mask) }

// HandleApprove is POST /api/admin/notices/:id/approve with a Decision (公开).
func (s *Service) HandleApprove(c echo.Context) error { return s.handleDecision(c, s.Approve) }

// HandleRefuse is POST /api/admin/notices/:id/refuse with a Decision (不予公开).
func (s *Service) HandleRefuse(c echo.Context) error { return s.handleDecision(c, s.Refuse) }

// HandleRefer is POST /api/admin/notices/:id/refer with a Decision (需报审).
func (s *Service) HandleRefer(c echo.Context) error { return s.handleDecision(c, s.Refer) }

// withdrawRequest is the body of the steps that take only a reason.
type withdrawRequest struct {
	Reason string `json:"reason"`
}

// HandleWithdraw is POST /api/admin/notices/:id/withdraw with {"reason": ...}.
func (s *Service) HandleWithdraw(c echo.Context) error {
	var req withdrawRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	return s.handleStep(c, func(ctx context.Context, who Who, id int64) (*Detail, error) {
		return s.Withdraw(ctx, who, id, req.Reason)
	})
}

// HandleQueue is GET /api/admin/review: what waits for the caller's decision.
func (s *Service) HandleQueue(c echo.Context) error {
	rows, err := s.Queue(c.Request().Context(), WhoOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"notices": rows})
}

// HandleConfirmKeep is POST /api/admin/notices/:id/confirm-keep with
// {"reason": ...}: a second admin confirms the resident ID numbers a
// reviewer kept, which approves the notice.
func (s *Service) HandleConfirmKeep(c echo.Context) error {
	var req withdrawRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	return s.handleStep(c, func(ctx context.Context, who Who, id int64) (*Detail, error) {
		return s.ConfirmKeep(ctx, who, id, req.Reason)
	})
}

// HandleRejectKeep is POST /api/admin/notices/:id/reject-keep with
// {"reason": ...}: the kept ID numbers are refused and the notice waits
// for a reviewer's decision again.
func (s *Service) HandleRejectKeep(c echo.Context) error {
	var req withdrawRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	return s.handleStep(c, func(ctx context.Context, who Who, id int64) (*Detail, error) {
		return s.RejectKeep(ctx, who, id, req.Reason)
	})
}
