#pragma once

/// @file
/// The whole runtime in one include: `System`, pids and messaging, `GenServer`,
/// `Ref`, links, monitors and `Inbox`.

#include "retort/agent.hpp"
#include "retort/async.hpp"
#include "retort/exit_reason.hpp"
#include "retort/gen_server.hpp"
#include "retort/inbox.hpp"
#include "retort/messages.hpp"
#include "retort/pid.hpp"
#include "retort/process.hpp"
#include "retort/supervisor.hpp"
#include "retort/system.hpp"
#include "retort/task.hpp"
#include "retort/timer.hpp"
