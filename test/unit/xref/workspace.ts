/** Small workspaces for the cross-file rule tables: Dockerfiles and the build definitions linking them to images. */
import type { WorkspaceCase } from '../rule-tester';

/** A Pod manifest at k8s/app.yaml; `containers` lines are indented for their place (line 5 is `spec:`). */
export function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;
}

/** A Compose file building `ghcr.io/acme/api` from services/api. */
export const COMPOSE = 'services:\n  api:\n    build: services/api\n    image: ghcr.io/acme/api:dev\n';

/** The workspace with services/api/Dockerfile built as ghcr.io/acme/api (and more files). */
export function workspace(dockerfile: string, files: Record<string, string> = {}): WorkspaceCase {
  return { files: { 'docker-compose.yml': COMPOSE, 'services/api/Dockerfile': dockerfile, ...files } };
}

export const DISTROLESS = `FROM golang:1.23 AS build
RUN go build -o /server .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /server /server
ENTRYPOINT ["/server"]
`;

/** The Dockerfile's path seen from k8s/app.yaml. */
export const DOCKERFILE = '../services/api/Dockerfile';
