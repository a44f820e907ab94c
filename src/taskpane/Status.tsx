/** What a pane says while it works and after: a progress bar for the running step, and a live message. */
import * as React from "react";
import { Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";

export type Message = { intent: "success" | "error" | "info" | "warning"; text: string };

export function Status(props: {
  /** The running step, or null when nothing runs. */
  progress: string | null;
  message: Message | null;
  testId: string;
  /** Further notices, shown under the message. */
  children?: React.ReactNode;
}) {
  const { progress, message } = props;
  return (
    <>
      {progress && (
        <Field validationMessage={progress} validationState="none">
          <ProgressBar aria-label={progress} />
        </Field>
      )}
      {/* Screen readers announce what lands here. */}
      <div aria-live="polite" role="status" data-testid={props.testId}>
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {props.children}
      </div>
    </>
  );
}
