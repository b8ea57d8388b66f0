/** The page's words in English; strings.zh-CN.ts has the same keys (i18n.test.ts checks it). */
export const en = {
  'app.title': 'Appeal a suspension',
  'app.skip': 'Skip to the main content',
  'app.language': 'Language',
  'app.signOut': 'Sign out',
  'app.footer':
    'This page is run by Redress for the platform that suspended your account. It never asks for your platform password.',

  'common.loading': 'Loading…',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.refresh': 'Refresh',

  'link.title': 'Appeal a suspension',
  'link.intro':
    'If your account was suspended, you can read why, appeal, send evidence, answer the reviewer and follow any refund here, without signing in to the platform.',
  'link.formTitle': 'Get a sign-in link by e-mail',
  'link.email': 'E-mail address',
  'link.emailHint': 'The address your suspension notice was sent to.',
  'link.send': 'Send me a link',
  'link.sent':
    'Check your inbox. If {email} belongs to a suspended account, a link is on its way. It can take a few minutes; look in your spam folder too.',
  'link.again': 'Send another link',
  'link.expired':
    'Your session has ended. Ask for a new link to carry on: anything you were writing is kept on this device.',
  'link.signedOut': 'You have signed out. Anything you were writing is kept on this device.',
  'link.nextTitle': 'What happens next',
  'link.next1':
    'If the address belongs to a suspended account, we e-mail a link to it. We give the same answer for every address, so this page cannot tell you whether we know it.',
  'link.next2': 'The link works once, for {minutes} minutes. Open it on the device you want to use.',
  'link.next3':
    'It signs you in to this page (not to the platform) for up to {hours} hours. After that, ask for a new link.',
  'link.next4': 'If several suspended accounts use this address, you get one link for each.',

  'access.signingIn': 'Signing you in…',
  'access.failedTitle': 'This link cannot be used',
  'access.failed':
    'The link has been used already, has expired, or was copied incompletely. Links work once and for a short time only.',
  'access.askAgain': 'Ask for a new link',

  'notFound.title': 'Page not found',
  'notFound.home': 'Go to your suspensions',

  'suspensions.title': 'Your suspensions',
  'suspensions.none': 'This account has no suspensions.',
  'suspensions.summary': 'Suspended on {date} · {status}',
  'suspensions.appealable': 'You can appeal this suspension.',
  'suspensions.notAppealable': 'This suspension can no longer be appealed.',

  'suspension.title': 'Why your account was suspended',
  'suspension.back': '← All your suspensions',
  'suspension.factsTitle': 'The suspension',
  'suspension.reason': 'Reason',
  'suspension.policyClause': 'Rule applied',
  'suspension.statementOfReasons': 'Statement of reasons',
  'suspension.automatedDetection': 'Detected by automated means',
  'suspension.automatedDecision': 'Decided by automated means',
  'suspension.frozenBalance': 'Frozen balance',
  'suspension.status': 'Status',
  'suspension.suspendedAt': 'Suspended on',
  'suspension.deadline': 'Appeal by',
  'suspension.timeLeft': '({span} left)',
  'suspension.deadlinePassed': '(the deadline has passed)',
  'suspension.cannotAppeal':
    'This suspension can no longer be appealed: it has been lifted, or the time to appeal has passed.',

  'suspensionStatus.active': 'Suspended',
  'suspensionStatus.lifted': 'Lifted',
  'suspensionStatus.upheld': 'Upheld after appeal',

  'reason.model_distillation': 'Model distillation',
  'reason.automated_extraction': 'Automated extraction',
  'reason.tos_rival_training': 'Training a rival model',
  'reason.region_restriction': 'Region restriction',
  'reason.account_sharing': 'Account sharing',
  'reason.payment_fraud': 'Payment fraud',
  'reason.spam': 'Spam',
  'reason.other': 'Another reason',

  'remedy.reinstate': 'Reinstate my account',
  'remedy.refund_only': 'Refund my frozen balance only',
  'remedy.reinstate_or_refund': 'Reinstate my account, or refund my balance if it stays suspended',

  'file.title': 'File your appeal',
  'file.statement': 'Your statement',
  'file.statementHint':
    'Explain why you think the suspension is wrong, in your own words. Between {min} and {max} characters.',
  'file.statementInvalid': 'Your statement must be between {min} and {max} characters long.',
  'file.remedy': 'What you ask for',
  'file.review': 'Review before sending',
  'file.reviewTitle': 'Check your appeal before sending it',
  'file.reviewIntro':
    'You cannot change your appeal once it is sent, but you can add evidence and messages afterwards.',
  'file.send': 'Send my appeal',
  'file.change': 'Change it',

  'counter.count': '{n} of {max} characters.',
  'counter.short': '{more} more needed.',
  'counter.long': '{over} too many.',

  'appeal.title': 'Your appeal',
  'appeal.status': 'Status',
  'appeal.submittedAt': 'Sent on',
  'appeal.decisionDue': 'Decision due by',

  'appealStatus.submitted': 'Received, waiting for a reviewer',
  'appealStatus.in_review': 'Being reviewed',
  'appealStatus.awaiting_appellant': 'Waiting for your answer',
  'appealStatus.escalated': 'With a senior reviewer',
  'appealStatus.decided': 'Decided',
  'appealStatus.withdrawn': 'Withdrawn',

  'messages.title': 'Messages',
  'messages.none': 'No messages yet. A reviewer may write to you here with a question.',
  'messages.questionDue':
    'The reviewer has asked you a question. Please answer by {date}: the review waits for you.',
  'messages.answerBy': 'answer by {date}',
  'messages.answer': 'Your answer to the reviewer',
  'messages.write': 'Write to the reviewer',
  'messages.send': 'Send',

  'author.appellant': 'You',
  'author.reviewer': 'Reviewer',
  'author.senior_reviewer': 'Senior reviewer',
  'author.system': 'Redress',

  'evidence.title': 'Evidence',
  'evidence.none': 'No files yet.',
  'evidence.rules': 'Allowed: {types}. Up to {max} per file and {n} files per appeal.',
  'evidence.pick': 'Choose files to send',
  'evidence.drop': 'or drop them here.',
  'evidence.uploads': 'Files being sent',
  'evidence.progress': 'Sending {name}',
  'evidence.uploading': 'Sending…',
  'evidence.done': 'Sent.',
  'evidence.retry': 'Try {name} again',
  'evidence.tooLarge': 'This file is too large: files can be up to {max}.',
  'evidence.wrongType': 'This kind of file is not accepted. Allowed: {types}.',
  'evidence.limitReached': 'This appeal already has the most files allowed ({n}).',

  'decision.title': 'Decision',
  'decision.decidedAt': 'Decided on {date}.',
  'decision.rationale': 'Why',
  'decision.disagree': 'If you disagree',
  'decision.disagreeIntro':
    'You can take this decision to an independent out-of-court dispute settlement body, and you can still go to court. The decision notice we sent you names the body:',
  'decision.notice': 'The decision notice',
  'decision.noticePending': 'The decision notice is on its way; it names the body. Refresh in a moment.',

  'outcome.upheld': 'The suspension stays in place.',
  'outcome.overturned': 'Your appeal was accepted: the suspension is lifted.',
  'outcome.modified': 'Your appeal was partly accepted: the suspension is lifted, with changes.',

  'refund.title': 'Refund',
  'refund.paidAt': 'Paid on {date}',
  'refund.reference': 'payment reference {ref}',
  'refundStatus.proposed': 'Proposed, waiting for approval',
  'refundStatus.approved': 'Approved, the payment is being prepared',
  'refundStatus.processing': 'Being paid',
  'refundStatus.paid': 'Paid',
  'refundStatus.rejected': 'Not approved',
  'refundStatus.failed': 'The payment failed; it will be tried again',

  'data.title': 'Your data',
  'data.intro':
    'Download a copy of everything Redress holds about you: suspensions, appeals, messages, evidence details, refunds, ledger entries and notices.',
  'data.download': 'Download my data (JSON)',

  'problem.validation_failed': 'Some of what you entered was not accepted. Check it and try again.',
  'problem.unauthenticated': 'Your session has ended. Ask for a new link.',
  'problem.not_found': 'We could not find this on your account.',
  'problem.appeal_already_exists': 'You have already appealed this suspension.',
  'problem.suspension_not_active': 'This suspension has already been lifted.',
  'problem.invalid_transition':
    'The appeal has moved on (it may have been decided): refresh to see it as it is now.',
  'problem.evidence_limit_reached': 'This appeal already has the most files allowed.',
  'problem.in_progress': 'This is still being received. Try again in a moment.',
  'problem.payload_too_large': 'This is too large to send.',
  'problem.unsupported_media_type': 'This kind of file is not accepted.',
  'problem.appeal_window_closed': 'The time to appeal this suspension has passed.',
  'problem.rate_limited': 'Too many requests in a short time. Wait a few minutes and try again.',
  'problem.unavailable': 'The service is not available just now. Try again in a few minutes.',
  'problem.offline': 'The connection was lost. Check your connection and try again.',
  'problem.unknown': 'Something went wrong. Try again.',
  'problem.other': 'This was not accepted: {detail}',
} as const;

export type StringKey = keyof typeof en;
