import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { readServices, readTasks } from '../../../lib/observe/ecs.js';
import { fleet, mockFleet } from './fleet-mock.js';

const CLUSTER = fleet.cluster.clusterArn;

function manyServices(count: number): Service[] {
  return Array.from({ length: count }, (_, i) => ({
    ...fleet.services.web,
    serviceName: `svc-${i}`,
    serviceArn: `arn:aws:ecs:us-east-1:111122223333:service/main/svc-${i}`,
  }));
}

describe('ecs', () => {
  it('follows every page of ListServices when the cluster has more than one page', async () => {
    const { clients, mocks } = mockFleet();
    const services = manyServices(25);
    mocks.ecs
      .on(ListServicesCommand)
      .resolvesOnce({
        serviceArns: services.slice(0, 10).map((s) => s.serviceArn!),
        nextToken: 'a',
      })
      .resolvesOnce({
        serviceArns: services.slice(10, 20).map((s) => s.serviceArn!),
        nextToken: 'b',
      })
      .resolvesOnce({ serviceArns: services.slice(20).map((s) => s.serviceArn!) });
    mocks.ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: services.filter((s) => input.services.includes(s.serviceArn!)),
    }));

    const read = await readServices(clients.ecs, [CLUSTER], null);

    expect(read.map((s) => s.serviceName)).toEqual(services.map((s) => s.serviceName));
  });

  it('describes at most 10 services per call, with tags, when many services are listed', async () => {
    const { clients, mocks } = mockFleet();
    const services = manyServices(23);
    mocks.ecs
      .on(ListServicesCommand)
      .resolves({ serviceArns: services.map((s) => s.serviceArn!) });
    mocks.ecs.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: services.filter((s) => input.services.includes(s.serviceArn!)),
    }));

    const read = await readServices(clients.ecs, [CLUSTER], null);

    const inputs = mocks.ecs
      .commandCalls(DescribeServicesCommand)
      .map((c) => c.args[0].input);
    expect(read).toHaveLength(23);
    expect(inputs.every((input) => (input.services?.length ?? 0) <= 10)).toBe(true);
    expect(inputs.every((input) => input.include?.includes('TAGS'))).toBe(true);
  });

  it('keeps only the service group when ListTasks ignores the service name', async () => {
    const { clients, mocks } = mockFleet();
    mocks.ecs.on(ListTasksCommand).resolves({ taskArns: ['t-web', 't-other'] });
    mocks.ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 't-web',
          clusterArn: CLUSTER,
          taskDefinitionArn: 'td',
          group: 'service:web',
        },
        {
          taskArn: 't-other',
          clusterArn: CLUSTER,
          taskDefinitionArn: 'td',
          group: 'service:x',
        },
      ],
    });

    const tasks = await readTasks(clients.ecs, {
      wholeClusters: [],
      services: [{ clusterArn: CLUSTER, serviceName: 'web' }],
      named: [],
    });

    expect(tasks.map((t) => t.taskArn)).toEqual(['t-web']);
  });

  it('describes at most 100 tasks per call when a cluster runs many tasks', async () => {
    const { clients, mocks } = mockFleet();
    const arns = Array.from({ length: 250 }, (_, i) => `task-${i}`);
    mocks.ecs.on(ListTasksCommand).resolves({ taskArns: arns });
    mocks.ecs.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({
      tasks: input.tasks.map((taskArn) => ({
        taskArn,
        clusterArn: CLUSTER,
        taskDefinitionArn: 'td',
      })),
    }));

    const tasks = await readTasks(clients.ecs, {
      wholeClusters: [CLUSTER],
      services: [],
      named: [],
    });

    const sizes = mocks.ecs
      .commandCalls(DescribeTasksCommand)
      .map((c) => c.args[0].input.tasks?.length ?? 0);
    expect(tasks).toHaveLength(250);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  });
});
