// PLACEHOLDER-ISSUE-14 (p14-ui-hub): the props are fixed; the workspace shows it after a Space's push.

export interface SpaceStatusProps {
  /** NAME/REPO of the Space. */
  readonly space: string;
}

/** The Space's runtime stage, asked again until it settles (RUNNING, an error, paused…). */
export function SpaceStatus(props: SpaceStatusProps) {
  return <p role="status">Space {props.space}</p>;
}
